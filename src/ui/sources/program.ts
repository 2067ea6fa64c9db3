// The program `procview run` starts inside the dashboard: its stdout and
// stderr lines become the side pane (stderr marked and red; text sanitized
// when drawn), its pid seeds the scope, its exit status goes to the event
// stream as an event. Stopping sends SIGTERM to its process group, then SIGKILL.
import { performance } from 'node:perf_hooks';
import { exitStatusFromNode, exitWords } from '../../inspect/events/exit-status.js';
import { t } from '../../text/i18n/message.js';
import type { ExitStatus } from '../../inspect/types.js';
import { startFailureWords, startProgram, withEntry, type Program } from '../../process/program.js';
import { clock } from '../model/cells.js';
import type { SideEntry } from '../model/wrap.js';
import type { NoteSink } from './demo.js';

const STOP_GRACE_MS = 2000;
/** The side pane keeps the program's last lines. */
const KEPT_LINES = 1000;

export interface ProgramSession {
  readonly entries: readonly SideEntry[];
  /** The program's pid and when it was announced (performance.now()), once started. */
  readonly tracked: { readonly pid: number; readonly trackedAt: number } | undefined;
  /** When procview reaped it (performance.now()), once it has: its pid may be another process's soon after. */
  readonly endedAt: number | undefined;
  stop(): Promise<void>;
  /** A line of procview's own in the pane (dim): what it found out about the program's processes. */
  say(text: string): void;
}

/** What the event stream is told about the program: what it exec'd, and how it ended (waitpid). */
export interface ProgramFacts {
  started(pid: number, command: string, args: readonly string[]): void;
  exited(pid: number, status: ExitStatus): void;
}

/** `tokenEntry`: an environment entry the program gets (process/program.ts runTokenEntry). */
export function startProgramSession(
  command: string,
  args: readonly string[],
  onChange: () => void,
  facts: ProgramFacts,
  onNote?: NoteSink,
  tokenEntry?: string,
): ProgramSession {
  const entries: SideEntry[] = [];
  const add = (text: string, tone: SideEntry['tone']): void => {
    const at = Date.now();
    entries.push({ text: `${clock(at)} ${text}`, tone });
    onNote?.(at, text, tone);
    if (entries.length > KEPT_LINES) entries.splice(0, entries.length - KEPT_LINES);
    onChange();
  };
  let program: Program | undefined;
  let tracked: ProgramSession['tracked'];
  let endedAt: number | undefined;
  add(`$ ${[command, ...args].join(' ')}`, 'dim');
  // The terminal belongs to the dashboard: the program reads no stdin.
  const started = startProgram(
    command,
    args,
    (line) => add(line.stream === 'stderr' ? t('ui.program.stderr', { text: line.text }) : line.text, line.stream === 'stderr' ? 'problem' : 'plain'),
    'ignore',
    tokenEntry === undefined ? process.env : withEntry(process.env, tokenEntry),
  ).then(
    (p) => {
      program = p;
      // Before any step can explain its exec (no macrotask has run since the spawn).
      facts.started(p.pid, command, args);
      tracked = { pid: p.pid, trackedAt: performance.now() };
      add(t('ui.program.started', { pid: p.pid }), 'dim');
      void p.ended.then((end) => {
        endedAt = performance.now();
        const status = exitStatusFromNode(end.code, end.signal);
        if (status !== undefined) facts.exited(p.pid, status);
        add(
          t('ui.program.ended', { pid: p.pid, how: status === undefined ? t('ui.program.endedWord') : exitWords(status) }),
          status?.code === 0 ? 'good' : 'problem',
        );
      });
    },
    (error: unknown) => add(t('ui.program.cannotStart', { command, why: startFailureWords(error, command) }), 'problem'),
  );
  return {
    entries,
    get tracked() {
      return tracked;
    },
    get endedAt() {
      return endedAt;
    },
    async stop() {
      await started;
      await program?.stop(STOP_GRACE_MS);
    },
    say(text) {
      add(text, 'dim');
    },
  };
}
