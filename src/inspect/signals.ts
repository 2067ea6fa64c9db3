// Every signal this system knows, by name and number, in the order and the
// spelling of `kill -l` (bash, glibc). The standard ones come from Node's
// os.constants.signals (one name per number: SIGABRT over its alias SIGIOT,
// SIGIO over SIGPOLL, as kill -l prints them); on Linux the real-time ones
// follow: glibc keeps the kernel's first two (32, 33) for its threads, so
// SIGRTMIN is 34 and SIGRTMAX 64, named RTMIN+n for the lower half and
// RTMAX-n for the upper one.
import { constants, platform } from 'node:os';

export interface SignalInfo {
  /** Without the SIG prefix: `TERM`, `KILL`, `RTMIN+3`. */
  readonly name: string;
  readonly number: number;
}

/** The name kill -l uses where Node lists two for one number. */
const PREFERRED = new Set(['SIGABRT', 'SIGIO', 'SIGCHLD']);

const LINUX_RTMIN = 34;
const LINUX_RTMAX = 64;

function realTime(): SignalInfo[] {
  const out: SignalInfo[] = [];
  const middle = LINUX_RTMIN + Math.floor((LINUX_RTMAX - LINUX_RTMIN) / 2);
  for (let n = LINUX_RTMIN; n <= LINUX_RTMAX; n += 1) {
    const name = n === LINUX_RTMIN ? 'RTMIN' : n === LINUX_RTMAX ? 'RTMAX' : n <= middle ? `RTMIN+${n - LINUX_RTMIN}` : `RTMAX-${LINUX_RTMAX - n}`;
    out.push({ name, number: n });
  }
  return out;
}

function standard(): SignalInfo[] {
  const byNumber = new Map<number, string>();
  for (const [name, number] of Object.entries(constants.signals)) {
    const known = byNumber.get(number);
    if (known === undefined || PREFERRED.has(name)) byNumber.set(number, name);
  }
  return [...byNumber].sort(([a], [b]) => a - b).map(([number, name]) => ({ name: name.replace(/^SIG/, ''), number }));
}

export const SIGNALS: readonly SignalInfo[] = Object.freeze([...standard(), ...(platform() === 'linux' ? realTime() : [])]);

/** The signal named `name` (with or without SIG, any case) or numbered so; undefined when there is none. */
export function findSignal(nameOrNumber: string): SignalInfo | undefined {
  const text = nameOrNumber.trim().toUpperCase().replace(/^SIG/, '');
  if (/^\d+$/.test(text)) return SIGNALS.find((s) => s.number === Number(text));
  return SIGNALS.find((s) => s.name === text);
}
