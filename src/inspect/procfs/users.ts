// uid → user name from /etc/passwd, read once per inspector; a uid it lacks
// is asked of NSS with `getent passwd UID` (LDAP, SSSD, systemd-homed users
// are not in the file), once per uid and remembered. Like ps, a uid nobody
// knows is shown as the number itself.
import { readFileSync } from 'node:fs';
import { childProcess } from '../../base/child-process.js';

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
/** A name for `uid` from somewhere other than the passwd file, or undefined. */
export type UserLookup = (uid: number) => string | undefined;

/** How long one `getent` may take: a stuck directory server must not freeze a refresh for long. */
const GETENT_TIMEOUT_MS = 2000;

// Answers (names and "no such user") for the life of this Node process, shared by every inspector.
const nssAnswers = new Map<number, string | undefined>();
let getentMissing = false;

/** `getent passwd UID` (glibc, musl and the BSDs have it; macOS does not): the name NSS gives, or undefined. */
export function getentName(uid: number): string | undefined {
  if (nssAnswers.has(uid)) return nssAnswers.get(uid);
  if (getentMissing || !Number.isSafeInteger(uid) || uid < 0) return undefined;
  const result = childProcess().spawnSync('getent', ['passwd', String(uid)], {
    encoding: 'utf8',
    timeout: GETENT_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    getentMissing = true;
    return undefined;
  }
  // Exit 2: no such user. A timeout or another failure is not remembered: the next refresh may ask again.
  if (result.status === 2) nssAnswers.set(uid, undefined);
  if (result.status !== 0) return undefined;
  const name = parsePasswd(result.stdout).get(uid);
  nssAnswers.set(uid, name);
  return name;
}

/**
 * A lookup over `path` read now. NSS is asked for the uids the file lacks
 * only when `path` is the system's own file (default), or when `lookup` is
 * given: a fixture file stands for a whole user database of its own.
 */
export function loadUserNames(path: string = PASSWD_PATH, lookup: UserLookup | undefined = path === PASSWD_PATH ? getentName : undefined): UserNames {
  let names: Map<number, string>;
  try {
    names = parsePasswd(readFileSync(path, 'utf8'));
  } catch {
    names = new Map();
  }
  const asked = new Set<number>();
  return (uid) => {
    const known = names.get(uid);
    if (known !== undefined || lookup === undefined || asked.has(uid)) return known ?? String(uid);
    asked.add(uid);
    const found = lookup(uid);
    if (found !== undefined) names.set(uid, found);
    return found ?? String(uid);
  };
}
