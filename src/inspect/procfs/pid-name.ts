// The pids of a /proc listing: its all-digit directory names.

/** Directory name → pid, or -1 for anything that is not all digits (self, sys, …). */
export function pidOf(name: string): number {
  let pid = 0;
  for (let i = 0; i < name.length; i++) {
    const digit = name.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    pid = pid * 10 + digit;
  }
  return name.length === 0 ? -1 : pid;
}
