// STAT in words: the first letter is the kernel's state (/proc/PID/stat field
// 3), the letters after it are the modifiers procps adds (nice, session
// leader, threads, locked pages, foreground group).

export interface StatPart {
  readonly code: string;
  readonly words: string;
}

const STATES: Readonly<Record<string, string>> = {
  R: 'running, or ready to run on a CPU',
  S: 'sleeping until something it waits for happens (can be woken by a signal)',
  D: 'sleeping uninterruptibly, usually waiting for disk or other I/O',
  T: 'stopped by a job-control signal (SIGSTOP, SIGTSTP, ...); SIGCONT resumes it',
  t: 'stopped by a tracer such as a debugger',
  Z: 'zombie: it has exited, but its parent has not collected the exit status with wait() yet',
  X: 'dead: being removed right now',
  I: 'idle kernel thread',
  W: 'paging (not used by kernels since 2.6)',
  P: 'parked kernel thread',
  K: 'wakekill: would wake on a fatal signal',
};

const MODIFIERS: Readonly<Record<string, string>> = {
  '<': 'high priority: negative nice value, less nice to others',
  N: 'low priority: positive nice value, nice to others',
  L: 'has pages locked into memory',
  s: 'session leader (it called setsid(): its pid is its session id)',
  l: 'multi-threaded',
  '+': 'in the foreground process group of its terminal',
};

/** The modifier letters after the state letter, in words (`undefined` for a letter we do not know). */
export function modifierWords(code: string): string | undefined {
  return MODIFIERS[code];
}

/** One entry per letter of `stat`; letters we do not know are named as such, not dropped. */
export function statWords(stat: string | undefined): StatPart[] {
  if (stat === undefined || stat === '') return [{ code: '-', words: 'state unknown (could not be read)' }];
  const [state = '', ...modifiers] = [...stat];
  const parts: StatPart[] = [{ code: state, words: STATES[state] ?? 'a state this version of procview does not know' }];
  for (const code of modifiers) {
    parts.push({ code, words: modifierWords(code) ?? 'a modifier this version of procview does not know' });
  }
  return parts;
}
