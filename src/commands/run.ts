// `procview run [--plain] [--] CMD [ARGS…]`: start a program and watch it from
// its first instant. The event source is open and has read the process table
// before the program starts, so its very first fork is seen. In a terminal:
// the dashboard scoped to it (src/ui). With --plain, or when stdout is not a
// terminal: timestamped event lines interleaved with its output; procview
// exits with the program's status once its processes are gone (or, for an
// orphan that stays, LINGER_MS after the program itself ended).
import { constants } from 'node:os';
import { t } from '../text/i18n/message.js';
import { sourceWords, type EventsChoice } from '../inspect/events/choose.js';
import { exitStatusFromNode } from '../inspect/events/exit-status.js';
import { execName } from '../inspect/events/exec-name.js';
import { advanceMembers } from '../inspect/events/members.js';
import { EventStream, type WatchFrame } from '../inspect/events/stream.js';
import { RUN_TOKEN_NAME, runTokenEntry, shellStatus, startFailureWords, startProgram, withEntry, type Program, type ProgramLine } from '../process/program.js';
import { awaitStopSignal } from '../process/stop-signals.js';
import { sanitizeForDisplay } from '../text/sanitize.js';
import { answeredHelpOrVersion } from './args.js';
import { eventPrinter, onceEach, type TimedLine } from './event-lines.js';
import { LineOrder } from './line-order.js';
import { elapsedStamp } from '../text/elapsed.js';
import { openChoice } from './events-flag.js';
import { parseRunArgs } from './run-args.js';
import { CommandError } from '../base/errors.js';
import { readHostFacts } from '../inspect/host-facts.js';
import type { ProcEvent } from '../inspect/types.js';
import { RecordingWriter } from '../record/writer.js';

/** After the program exits, how long processes it left behind (orphans) are still followed. */
export const LINGER_MS = 3000;
/**
 * Once none of them runs, how much longer a zombie it left is waited for, until its reaper (the
 * adopter of an orphan that exited: init or a subreaper) calls wait(): its reap is the lesson's
 * last line. Some inits reap adopted orphans lazily, a second or two late.
 */
export const REAP_WAIT_MS = 3000;
const STOP_GRACE_MS = 2000;
/**
 * How long an output line waits for the frame that reads its moment. A frame follows the kernel's
 * events within milliseconds; a program that prints and forks nothing brings no frame, and waits this long.
 */
const OUTPUT_HOLD_MS = 150;

export function signalNumber(name: NodeJS.Signals): number {
  return constants.signals[name] ?? 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseRunArgs(argv);
  if (answeredHelpOrVersion(args, `${t('cli.help.runTitle')}\n\n${t('cli.help.run', { eventsHelp: t('cli.help.eventsFlag') })}`)) return 0;
  const choice = await openChoice(args.events);
  if (!args.plain && process.stdout.isTTY === true) {
    const { launchDashboard } = await import('../ui/launch.js');
    return launchDashboard({
      scope: { kind: 'run', command: args.command, args: args.args },
      intervalMs: args.intervalMs,
      choice,
      ...(args.record === undefined ? {} : { record: args.record }),
    });
  }
  return runPlain(args.command, args.args, args.intervalMs, choice, args.record);
}

/** A shell's status for a command it could not run: 127 not found, 126 found but not runnable (POSIX 2.8.2). */
function notStartedStatus(code: string | undefined): number {
  if (code === 'ENOENT') return 127;
  if (code === 'EACCES' || code === 'ENOEXEC' || code === 'EISDIR') return 126;
  return 1;
}

/** Pids of the frame's table in process group `pgid`. */
function inGroup(frame: WatchFrame, pgid: number): number[] {
  const out: number[] = [];
  frame.snapshot.procs.forEach((proc, pid) => {
    if (proc.pgid === pgid) out.push(pid);
  });
  return out;
}

async function runPlain(command: string, args: readonly string[], intervalMs: number, choice: EventsChoice, record: string | undefined): Promise<number> {
  let writer: RecordingWriter | undefined;
  try {
    writer =
      record === undefined
        ? undefined
        : RecordingWriter.create(record, {
            scope: { kind: 'run', label: t('cli.scope.run', { command: [command, ...args].join(' ') }) },
            intervalMs,
            ...readHostFacts(),
            // The program is not stopped for it: said once, the recording ends there.
            onFailure: (message) => void process.stderr.write(`procview: ${t('cli.record.stopsHere', { why: message })}\n`),
          });
  } catch (error) {
    if (choice.source === 'kernel') choice.kernel.close();
    throw error;
  }
  const recordOnce = onceEach();
  /** This process's name (comm) as the first table read it: the program's, from its fork until its exec. */
  let ownName: string | undefined;
  /** Events learnt outside the stream (our own spawn and wait): recorded with the next frame. */
  let extraEvents: ProcEvent[] = [];
  const extra = (events: readonly ProcEvent[]): string[] => {
    extraEvents.push(...events);
    // procview names itself as the first table read it (the parent of its program).
    return printer.extra(events, (pid) => (pid === process.pid ? ownName : undefined));
  };
  const startedAt = Date.now();
  const stamp = (at: number): string => elapsedStamp(at, startedAt);
  const write = (line: string): void => void process.stdout.write(`${line}\n`);
  // procview's own pid: the program's parent, and its reaper, in the lines below (as a lesson's header says).
  const header = t('cli.run.header', { command: sanitizeForDisplay([command, ...args].join(' ')), source: sourceWords(choice, intervalMs), pid: process.pid });
  write(`${stamp(Date.now())} procview run: ${header}`);
  const printer = eventPrinter({ json: false, scoped: true, stamp });
  const token = runTokenEntry();
  // The program's output waits for the frame that reads its moment (line-order.ts), at most OUTPUT_HOLD_MS.
  const order = new LineOrder();
  let holdTimer: NodeJS.Timeout | undefined;
  /** Once the run is over, output goes straight out. */
  let over = false;
  const writeLines = (lines: readonly TimedLine[]): void => {
    for (const line of lines) write(line.text);
  };
  const releaseHeld = (): void => {
    clearTimeout(holdTimer);
    holdTimer = undefined;
    writeLines(order.release());
  };
  /** A line known before the frame that reads its moment: held until that frame, at most OUTPUT_HOLD_MS (line-order.ts). */
  const hold = (at: number, text: string, first?: true): void => {
    if (over) {
      write(text);
      return;
    }
    order.hold(first === undefined ? { at, text } : { at, text, first });
    holdTimer ??= setTimeout(releaseHeld, OUTPUT_HOLD_MS).unref();
  };
  let program: Program | undefined;
  let programEnd: number | undefined;
  /** A frame (or, polling, procview's own wait) has said how the program ended. */
  let endShown = false;
  let seeded = false;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const onFrame = (frame: WatchFrame): void => {
    // The program, until seen; and (polling cannot see a fork that fast) whatever is in its process group.
    const group = program === undefined || (programEnd !== undefined && Date.now() - programEnd > LINGER_MS) ? [] : inGroup(frame, program.pid);
    const found = program !== undefined && !seeded ? [program.pid, ...group] : group;
    // Polling: what carries the program's token and nothing else puts in the scope (not the program,
    // nor a child seen under a member, nor one in its group): a daemon its fast double fork left.
    const covered = frame.kin === undefined || frame.kin.length === 0 ? undefined : advanceMembers(printer.members, frame.snapshot, frame.events, found);
    const kin = (frame.kin ?? []).filter((pid) => covered?.has(pid) === false);
    const seeds = [...found, ...kin];
    const pid = program?.pid;
    if (pid !== undefined && (frame.snapshot.procs.has(pid) || frame.events.some((event) => event.pid === pid))) seeded = true;
    // How such a process is known to be the program's: said once, as the inference it is, among the frame's lines.
    const kinLines = kin.map((pid) => {
      const name = sanitizeForDisplay(frame.snapshot.procs.get(pid)?.comm ?? '?');
      return {
        at: frame.snapshot.takenAt,
        text: `${stamp(frame.snapshot.takenAt)} procview run: ${t('cli.run.kin', { pid: String(pid), name, entry: RUN_TOKEN_NAME })}`,
      };
    });
    writeLines(order.withFrame([...printer.timedLines(frame, seeds), ...kinLines], frame.snapshot.takenAt));
    if (!order.holding) releaseHeld();
    // Its exit, or its reap: a zombie line alone is not its last (procview, its parent, reaps it).
    if (pid !== undefined && frame.events.some((event) => event.pid === pid && (event.kind === 'exit' || event.kind === 'reap'))) {
      endShown = true;
    }
    if (writer !== undefined) {
      // As printed: the program's start (and polling end) once, though procview and the source both report it.
      const events = (extraEvents.length === 0 ? frame.events : [...extraEvents, ...frame.events]).filter(recordOnce);
      extraEvents = [];
      writer.frame(
        { ...frame, events, sourceWords: sourceWords(choice, intervalMs, frame.lost) },
        [...seeds, ...printer.members.keys()],
        [...printer.members.keys(), ...(program === undefined ? [] : [program.pid])],
      );
    }
    if (programEnd === undefined) return;
    const running: number[] = [];
    const stopped: number[] = [];
    const traced: number[] = [];
    const unreaped: number[] = [];
    for (const pid of printer.members.keys()) {
      const state = frame.snapshot.procs.get(pid)?.state;
      // The program itself procview has reaped already (programEnd); a table may still show its Z.
      if (state === undefined || state === 'X' || pid === program?.pid) continue;
      // STAT T (job control stop) waits for SIGCONT; t (a tracer's stop) for its tracer. Neither runs.
      (state === 'Z' ? unreaped : state === 'T' ? stopped : state === 't' ? traced : running).push(pid);
    }
    // Polling finds an orphan only at the next full scans: give them time before calling it done.
    // Kernel events: waitpid may answer before the kernel's batches with the program's last forks
    // came in; once the kernel reported the program's exit, they have (exitReported).
    const sinceEnd = Date.now() - programEnd;
    // The program's own end is said before procview ends (a frame about something else may come first).
    const settled =
      endShown &&
      (choice.source === 'kernel'
        ? program !== undefined && stream.exitReported(program.pid, startedAt)
        : sinceEnd > Math.min(LINGER_MS, 2 * intervalMs + 500));
    // Longer only while a zombie it left waits for its reap.
    const left = running.length + stopped.length + traced.length;
    const limit = left === 0 && unreaped.length > 0 ? LINGER_MS + REAP_WAIT_MS : LINGER_MS;
    if ((left === 0 && unreaped.length === 0 && settled) || sinceEnd > limit) {
      releaseHeld();
      if (running.length > 0) write(`${stamp(Date.now())} procview run: ${t('cli.run.notWaiting', { pids: running.join(', ') })}`);
      if (stopped.length > 0) write(`${stamp(Date.now())} procview run: ${t('cli.run.notWaitingStopped', { pids: stopped.join(', ') })}`);
      if (traced.length > 0) write(`${stamp(Date.now())} procview run: ${t('cli.run.notWaitingTraced', { pids: traced.join(', ') })}`);
      if (unreaped.length > 0) write(`${stamp(Date.now())} procview run: ${t('cli.run.notWaitingReap', { pids: unreaped.join(', ') })}`);
      finish();
    }
  };
  let failure: unknown;
  let firstFrame: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (firstFrame = resolve));
  const stream = new EventStream(
    choice,
    {
      intervalMs,
      roots: () => (program === undefined ? [] : [program.pid, ...printer.members.keys()]),
      ...(choice.source === 'polling' ? { kinEntry: token } : {}),
    },
    (frame) => {
      ownName ??= frame.snapshot.procs.get(process.pid)?.comm;
      firstFrame();
      onFrame(frame);
    },
    (error) => {
      failure = error;
      finish();
    },
  );
  const stop = awaitStopSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
  try {
    await ready;
    const onLine = (line: ProgramLine): void => {
      hold(line.at, `${stamp(line.at)} ${line.stream}: ${sanitizeForDisplay(line.text)}`);
      const stderr = line.stream === 'stderr';
      writer?.note({ at: line.at, pane: 'output', tone: stderr ? 'problem' : 'plain', text: stderr ? `stderr: ${line.text}` : line.text });
    };
    // Taken before the fork: the program's exec (a kernel time) comes after it, not before.
    const spawnedAt = Date.now();
    try {
      program = await startProgram(command, args, onLine, 'inherit', withEntry(process.env, token));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CommandError(t('ui.program.cannotStart', { command, why: startFailureWords(error, command) }), notStartedStatus(code));
    }
    const started = program;
    // Before any step can explain its exec (no macrotask has run since the spawn): it is named however fast it ends.
    stream.noteProgram(started.pid, command, args);

    // The start and the end of the program procview itself started are facts (spawn, waitpid), whatever the source saw.
    // Forked, it is a copy of procview (fork copies the name) until the exec the next line says.
    for (const line of extra([{ kind: 'spawn', at: spawnedAt, pid: started.pid, comm: ownName, ppid: process.pid, source: 'waitpid' }])) write(line);
    void stop.received.then(() => started.stop(STOP_GRACE_MS).then(finish));
    const end = await started.ended;
    const status = exitStatusFromNode(end.code, end.signal);
    programEnd = Date.now();
    // Its reap (procview's wait) is said no earlier than its exit line (polling: procview's own, below).
    if (status !== undefined) stream.noteExit(started.pid, status, programEnd);
    if (choice.source === 'polling') {
      // procview's own wait: known before the frame that reads the program's last moments (its children's
      // ends, its zombie), so it waits for that frame like the program's output, not printed above it.
      for (const line of extra([
        {
          kind: 'exit',
          at: programEnd,
          pid: started.pid,
          comm: execName(command),
          ppid: process.pid,
          source: 'waitpid',
          ...(status === undefined ? {} : { status }),
        },
      ]))
        hold(programEnd, line, true);
      endShown = true;
    }
    await finished;
    over = true;
    releaseHeld();
    if (failure !== undefined) throw failure;
    const caught = stop.caught;
    return caught === undefined ? shellStatus(end, signalNumber) : 128 + signalNumber(caught);
  } finally {
    over = true;
    releaseHeld();
    // What the program left running may hold its pipes open: procview is done reading them.
    program?.release();
    stop.dispose();
    stream.close();
    writer?.close();
  }
}
