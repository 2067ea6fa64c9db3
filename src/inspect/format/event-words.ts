// Every process event in words, for the dashboard's events pane and the lines
// of `procview events` / `procview run --plain`. Sentences quote raw names:
// sanitize the finished line before it reaches a terminal.
import { exitWords } from '../events/exit-status.js';
import type { ExitStatus, ProcEvent } from '../types.js';

/** What a pid was called, from the snapshots around the event. */
export type NameOf = (pid: number) => string | undefined;

function who(pid: number | undefined, name: string | undefined): string {
  if (pid === undefined) return 'an unknown process';
  return name === undefined || name === '' ? String(pid) : `${pid} (${name})`;
}

function adopterWords(pid: number | undefined, adopter: 'init' | 'subreaper' | undefined, nameOf: NameOf): string {
  if (adopter === 'init' || pid === 1) return `${pid ?? 1} (init)`;
  const name = pid === undefined ? undefined : nameOf(pid);
  if (adopter === 'subreaper') return `${pid ?? '?'} (${name === undefined ? '' : `${name}, `}a subreaper)`;
  return who(pid, name);
}

function ended(status: ExitStatus | undefined): string {
  return status === undefined ? 'exited' : exitWords(status);
}

export function eventSentence(event: ProcEvent, nameOf: NameOf): string {
  const self = who(event.pid, event.comm ?? nameOf(event.pid));
  const other = (pid: number | undefined): string => who(pid, pid === undefined ? undefined : nameOf(pid));
  switch (event.kind) {
    case 'spawn':
      return `${self} started, child of ${other(event.ppid)}`;
    case 'exit':
      return `${self} ${ended(event.status)} (parent ${other(event.ppid)})`;
    case 'zombie':
      return event.status === undefined
        ? `${self} became a zombie: parent ${other(event.ppid)} has not reaped it`
        : `${self} became a zombie: parent ${other(event.ppid)} has not reaped it (${exitWords(event.status)})`;
    case 'reap':
      return event.by === undefined ? `${self} is gone: its zombie was reaped` : `${self} reaped by ${other(event.by)}`;
    case 'reparent':
      if (event.inferred !== undefined) return `${self} ${event.inferred} (inferred)`;
      if (event.orphaned) {
        return `${self} orphaned: parent ${other(event.from)} exited, adopted by ${adopterWords(event.to, event.adopter, nameOf)}`;
      }
      return `${self} reparented: parent ${other(event.from)} → ${other(event.to)}`;
    case 'exec': {
      const before = event.fromArgs || event.fromComm;
      const after = event.args || event.comm || '(a program not read in time)';
      return before === undefined ? `${who(event.pid, undefined)} exec: ${after}` : `${who(event.pid, undefined)} exec: ${before} → ${after}`;
    }
    case 'stop':
      return `${self} stopped (T): SIGCONT resumes it`;
    case 'continue':
      return `${self} continued`;
    case 'renice':
      return `${self} reniced: nice ${event.from ?? '?'} → ${event.to ?? '?'}`;
  }
}
