// uid → user name from /etc/passwd, read once per inspector. Like ps, a uid
// with no entry is shown as the number itself.
import { readFileSync } from 'node:fs';

export const PASSWD_PATH = '/etc/passwd';

/** `name:password:uid:…` lines; the first entry for a uid wins, as getpwuid returns it. */
export function parsePasswd(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , uidText] = line.split(':', 3);
    if (name === undefined || name === '' || uidText === undefined || !/^\d+$/.test(uidText)) continue;
    const uid = Number(uidText);
    if (!names.has(uid)) names.set(uid, name);
  }
  return names;
}

export type UserNames = (uid: number) => string;

/** A lookup over `path` read now; an unreadable file leaves every uid as its number. */
export function loadUserNames(path: string = PASSWD_PATH): UserNames {
  let names: Map<number, string>;
  try {
    names = parsePasswd(readFileSync(path, 'utf8'));
  } catch {
    names = new Map();
  }
  return (uid) => names.get(uid) ?? String(uid);
}
