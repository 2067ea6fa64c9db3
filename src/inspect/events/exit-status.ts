// The wait status the kernel reports at exit (PROC_EVENT_EXIT exit_code: what
// waitpid() would return), decoded as <sys/wait.h> does, and in words.
import { t } from '../../text/i18n/message.js';
import { SIGNALS } from '../signals.js';
import type { ExitStatus } from '../types.js';

// kill -l's names (signals.ts): SIGABRT for 6, which abort() raises, not its alias SIGIOT.
const SIGNAL_NAMES = new Map<number, string>(SIGNALS.map(({ name, number }) => [number, `SIG${name}`]));

/** Signal number → `SIGKILL`; a number with no name here stays a number (`signal 40`). */
export function signalName(signal: number): string {
  return SIGNAL_NAMES.get(signal) ?? `signal ${signal}`;
}

/** WIFEXITED: low 7 bits 0, code in bits 8–15; WIFSIGNALED: low 7 bits the signal, 0x80 WCOREDUMP. */
export function decodeWaitStatus(status: number): ExitStatus {
  const signal = status & 0x7f;
  if (signal === 0) return { code: (status >> 8) & 0xff, signal: undefined, coreDumped: false };
  return { code: undefined, signal: signalName(signal), coreDumped: (status & 0x80) !== 0 };
}

/** Node's view of a child's end (code, or signal name), as an ExitStatus (core dumps: unknown to Node). */
export function exitStatusFromNode(code: number | null, signal: NodeJS.Signals | null): ExitStatus | undefined {
  if (signal !== null) return { code: undefined, signal, coreDumped: false };
  return code === null ? undefined : { code, signal: undefined, coreDumped: false };
}

/** `exited 3`, `killed by SIGKILL`, `killed by SIGSEGV, dumped core`. */
export function exitWords(status: ExitStatus): string {
  if (status.signal === undefined) return t('event.exited', { code: status.code ?? '?' });
  return status.coreDumped ? t('event.killedCore', { signal: status.signal }) : t('event.killed', { signal: status.signal });
}
