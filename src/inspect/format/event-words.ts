// Every process event in words, for the dashboard's events pane and the lines
// of `procview events` / `procview run --plain`. Sentences quote raw names:
// sanitize the finished line before it reaches a terminal.
import { exitWords } from '../events/exit-status.js';
import { t } from '../../text/i18n/message.js';
import { type OrphanEvidence, orphanEvidenceWords } from '../events/evidence.js';
import type { ExitStatus, ProcEvent } from '../types.js';

/** What a pid was called, from the snapshots around the event. */
export type NameOf = (pid: number) => string | undefined;

function who(pid: number | undefined, name: string | undefined): string {
  if (pid === undefined) return t('event.unknownProcess');
  return name === undefined || name === '' ? String(pid) : `${pid} (${name})`;
}

/** A pid other than the subject, by its name; PID 1 unnamed (outside the snapshots read) is called by its role, init. */
function otherWords(pid: number | undefined, nameOf: NameOf): string {
  const name = pid === undefined ? undefined : nameOf(pid);
  return who(pid, name === undefined && pid === 1 ? 'init' : name);
}

function adopterWords(pid: number | undefined, adopter: 'init' | 'subreaper' | undefined, nameOf: NameOf): string {
  // By the name ps shows for PID 1 (systemd, tini, …) when read, as every other line names it.
  if (adopter === 'init' || pid === 1) return otherWords(pid ?? 1, nameOf);
  const name = pid === undefined ? undefined : nameOf(pid);
  if (adopter === 'subreaper') return name === undefined ? t('event.subreaper', { pid: pid ?? '?' }) : t('event.subreaperNamed', { pid: pid ?? '?', name });
  return who(pid, name);
}

function ended(status: ExitStatus | undefined): string {
  return status === undefined ? t('event.exitedUnknown') : exitWords(status);
}

/** The evidence of an inferred event in this process's language; `english` (the JSON's words) when it has no structured form. */
function inferredWords(evidence: OrphanEvidence | undefined, english: string): string {
  return evidence === undefined ? english : orphanEvidenceWords(evidence);
}

/**
 * The sentence for a pane too narrow for eventSentence's: an exec said by what
 * it became alone (`exec: AFTER`, without `BEFORE →`), since cutting the long
 * line at the pane's edge left only what the process was before. Undefined
 * for every other event (cut as it is).
 */
export function shortEventSentence(event: ProcEvent): string | undefined {
  if (event.kind !== 'exec' || (event.fromArgs || event.fromComm) === undefined) return undefined;
  return t('event.exec', { self: who(event.pid, undefined), after: execAfter(event) });
}

/**
 * Characters of a command line a sentence quotes: a program exec'd with thousands of arguments
 * made one line of 300 KB, a screenful of it for each exec. The rest is counted, and is whole in
 * --json (and in the dashboard's detail pane while the process lives).
 */
const ARGS_SAID = 1000;

function commandLine(args: string): string {
  return args.length <= ARGS_SAID ? args : t('event.argsCut', { start: args.slice(0, ARGS_SAID), count: args.length - ARGS_SAID });
}

/**
 * What an exec led to, in words: the command line read, else the name, said to be only that (a
 * name is no command line: `wc`, not `wc -l`), and its child's when a child told it.
 */
function execAfter(event: Extract<ProcEvent, { kind: 'exec' }>): string {
  if (event.args) return commandLine(event.args);
  if (event.comm === undefined || event.comm === '') return t('event.execUnread');
  return event.nameFrom === undefined
    ? t('event.execNameOnly', { name: event.comm })
    : t('event.execNameFromChild', { name: event.comm, child: event.nameFrom });
}

/**
 * The name an event gives its subject. A child forks under its parent's name
 * (fork copies task->comm) and keeps it until it execs: a spawn nobody read
 * is named after its parent at that moment, when the parent's name is known
 * there (a parent itself gone unread is named by the one who started it).
 */
export function subjectName(event: ProcEvent, nameOf: NameOf): string | undefined {
  if (event.comm !== undefined) return event.comm;
  return event.kind === 'spawn' && event.ppid !== undefined ? nameOf(event.ppid) : nameOf(event.pid);
}

export function eventSentence(event: ProcEvent, nameOf: NameOf): string {
  const self = who(event.pid, subjectName(event, nameOf));
  const other = (pid: number | undefined): string => otherWords(pid, nameOf);
  switch (event.kind) {
    case 'spawn':
      // Read, not seen forked (no source), under PID 1: init starts few processes; most under it
      // were adopted, their forker gone before the read. It is not named as their parent.
      if (event.source === undefined && event.ppid === 1) return t('event.spawnUnderInit', { self, parent: other(event.ppid) });
      return t('event.spawn', { self, parent: other(event.ppid) });
    case 'exit':
      return t('event.exit', { self, ended: ended(event.status), parent: other(event.ppid) });
    case 'zombie':
      return event.status === undefined
        ? t('event.zombie', { self, parent: other(event.ppid) })
        : t('event.zombieStatus', { self, parent: other(event.ppid), status: exitWords(event.status) });
    case 'reap':
      if (event.kernelReapedFor !== undefined) return t('event.reapByKernel', { self, parent: other(event.kernelReapedFor), pid: event.kernelReapedFor });
      if (event.releasedFor !== undefined) {
        return t(event.parentGone === true ? 'event.reapAtExitParentGone' : 'event.reapAtExit', { self, parent: other(event.releasedFor) });
      }
      // A reaper not seen, inferred from its parent's exit (infer.ts reapedByParentOrAdopter).
      if (event.by === undefined && event.lastParent !== undefined) {
        const by = other(event.lastParent);
        return event.status === undefined
          ? t('event.reapInferred', { self, by })
          : t('event.reapInferredStatus', { self, by, status: exitWords(event.status) });
      }
      // Never read as a zombie, its parent read alive after it (infer.ts reapedUnseen: the only reap with
      // both a reaper and `inferred`); its exit line, just before, said the status.
      if (event.by !== undefined && event.inferred !== undefined) return t('event.reapUnseen', { self, by: other(event.by) });
      // The status the reaper collected (wait): said again here, or for the first time when it came too late for the zombie's line.
      if (event.status !== undefined) {
        const status = exitWords(event.status);
        return event.by === undefined ? t('event.reapUnknownStatus', { self, status }) : t('event.reapStatus', { self, by: other(event.by), status });
      }
      return event.by === undefined ? t('event.reapUnknown', { self }) : t('event.reap', { self, by: other(event.by) });
    case 'reparent':
      if (event.inferred !== undefined) return t('event.inferred', { self, evidence: inferredWords(event.evidence, event.inferred) });
      if (event.orphaned) {
        return t('event.orphaned', { self, parent: other(event.from), adopter: adopterWords(event.to, event.adopter, nameOf) });
      }
      return t('event.reparent', { self, from: other(event.from), to: other(event.to) });
    case 'exec': {
      const before = event.fromArgs ? commandLine(event.fromArgs) : event.fromComm;
      const after = execAfter(event);
      return before === undefined
        ? t('event.exec', { self: who(event.pid, undefined), after })
        : t('event.execFrom', { self: who(event.pid, undefined), before, after });
    }
    case 'stop':
      return event.traced === true ? t('event.stopTraced', { self }) : t('event.stop', { self });
    case 'continue':
      // Not seen: inferred from an exit with a code after it was last read stopped (explain.ts continuedBeforeExit).
      return event.inferred === undefined ? t('event.continue', { self }) : t('event.continueInferred', { self });
    case 'renice':
      return t('event.renice', { self, from: event.from ?? '?', to: event.to ?? '?' });
    case 'rename':
      // The name it had was not read (an exec nobody read just before): its new name alone, not `? → NAME`.
      if (event.from === undefined) return t('event.renameFromUnread', { self: who(event.pid, undefined), to: event.comm ?? '?' });
      return t('event.rename', { self: who(event.pid, undefined), from: event.from, to: event.comm ?? '?' });
  }
}
