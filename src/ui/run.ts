// A dashboard run: sets up the scope's sources (a demo, the chat room), opens
// the terminal, runs the refresh loop, and tears everything down on every exit
// path, restoring the terminal before anything is printed.
import { reportCrash } from './crash-report.js';
import { performance } from 'node:perf_hooks';
import { CommandError } from '../base/errors.js';
import { packageVersion } from '../base/version.js';
import { t } from '../text/i18n/message.js';
import { createInspector } from '../inspect/inspector.js';
import { createApp } from './app.js';
import { coalesce } from './coalesce.js';
import type { DashboardOptions, DashboardScope } from './dashboard-options.js';
import { startRefreshLoop } from './feed/refresh-loop.js';
import { ALL, advanceScope, EMPTY_FOLLOW, type Scope, type Seed, targetSeeds } from '../inspect/scope.js';
import type { SideContent } from './model/screen.js';
import type { Message } from './model/view-state.js';
import type { Inspector, Snapshot } from '../inspect/types.js';
import type { Frame } from './model/watch.js';
import type { ChatSession } from './sources/chat.js';
import type { DemoSession } from './sources/demo.js';
import type { ProgramSession } from './sources/program.js';
import { RUN_TOKEN_NAME, runTokenEntry } from '../process/program.js';
import { chooseEvents, modeFromEnv } from '../inspect/events/choose.js';
import { onExitPaths, openTerminal, type ExitCause } from './terminal.js';
import { chooseTheme } from './widgets/theme.js';
import { loadSettings, saveSettings, settingsPath } from './settings-file.js';
import type { RecordingWriter } from '../record/writer.js';
import type { NotePane, RecordingScope } from '../record/types.js';

const DEMO_STOP_TIMEOUT_MS = 8000;
/** How long after procview reaped the program its bare pid still seeds the scope (its last frames). */
const PROGRAM_PID_LINGER_MS = 3000;

/** Pids of `snapshot` in process group `pgid`. */
function groupOf(snapshot: Snapshot, pgid: number): number[] {
  const out: number[] = [];
  snapshot.procs.forEach((proc, pid) => {
    if (proc.pgid === pgid) out.push(pid);
  });
  return out;
}

function scopeLabel(scope: DashboardScope, chat: ChatSession | undefined): string {
  switch (scope.kind) {
    case 'all':
      return t('cli.scope.all');
    case 'pids':
      return t('cli.scope.pids', { pids: scope.pids.join(', ') });
    case 'name':
      return t('cli.scope.name', { pattern: scope.pattern });
    case 'chat':
      return t('cli.scope.chat', { address: chat?.address ?? '' });
    case 'demo':
      return t('cli.scope.demo', { name: scope.demo.name });
    case 'run':
      return t('cli.scope.run', { command: [scope.command, ...scope.args].join(' ') });
  }
}

async function openChatOrExplain(
  inspector: Inspector,
  port: number | undefined,
  onChange: () => void,
  onNote: (at: number, text: string, tone: string) => void,
): Promise<ChatSession> {
  try {
    return await (await import('./sources/chat.js')).openChat(inspector, port, onChange, onNote);
  } catch (error) {
    throw new CommandError(t('ui.chat.startFailed', { why: error instanceof Error ? error.message : String(error) }));
  }
}

/** --record only: the writer, and the host facts a recording starts with, are loaded when one is asked for. */
async function createRecording(path: string, scope: RecordingScope, intervalMs: number): Promise<RecordingWriter> {
  const [{ RecordingWriter }, { readHostFacts }] = await Promise.all([import('../record/writer.js'), import('../inspect/host-facts.js')]);
  return RecordingWriter.create(path, { scope, intervalMs, ...readHostFacts() });
}

export async function runDashboard(options: DashboardOptions): Promise<number> {
  const { scope } = options;
  // A lesson's and a program's sources are loaded for their scope only: the whole-system view starts without them.
  const lessons = scope.kind === 'demo' ? await import('./sources/demo.js') : undefined;
  const programs = scope.kind === 'run' ? await import('./sources/program.js') : undefined;
  // The --watch PIDs exist now (src/commands/dashboard.ts checked): each means the process it is
  // in the first snapshot scanned after this moment, and only that one (model/scope.ts).
  const startedAt = performance.now();
  // Refreshed from the first scan on: its stat files are kept open from the first scan (InspectorOptions.longLived).
  // Status and cmdline are read for the rows shown (InspectorOptions.details 'on-demand') where nothing
  // else looks at every record: a scope by name matches command lines, the chat and lesson sources
  // look at process titles, and a recording keeps every record whole.
  const onDemand = (scope.kind === 'all' || scope.kind === 'pids') && options.record === undefined;
  const inspector = createInspector({ longLived: true, details: onDemand ? 'on-demand' : 'all' });
  const configPath = settingsPath();
  const loaded = loadSettings(configPath);
  const choice = options.choice ?? (await chooseEvents(modeFromEnv() ?? 'auto'));
  // procview run, polling: the program's descendants are also found by the entry they inherit.
  const runToken = options.scope.kind === 'run' && choice.source === 'polling' ? runTokenEntry() : undefined;
  const intervalMs = options.intervalMs ?? (scope.kind === 'demo' ? 500 : loaded.settings.intervalMs);
  let redraw = (): void => undefined;
  // The chat server is found or started before the terminal is taken, so a failure prints plainly.
  // Loaded only here: the chat client code is needed by this scope alone.
  // Bound late: the file is named after the chat room's address, known once the room is found.
  let writer: RecordingWriter | undefined;
  const note =
    (pane: NotePane) =>
    (at: number, text: string, tone: string): void =>
      writer?.note({ at, pane, tone, text });
  // Until the refresh loop owns the event source (its stop closes it), every way out of the setup
  // closes it here, and the inspector: an open kernel source is a socket the event loop watches, and
  // it kept a dashboard that could not start (a chat port in use) alive after its error was printed.
  const release = (): void => {
    if (choice.source === 'kernel') choice.kernel.close();
    inspector.close();
  };
  const chat =
    scope.kind === 'chat'
      ? await openChatOrExplain(inspector, scope.port, () => redraw(), note('chat')).catch((error: unknown) => {
          release();
          throw error;
        })
      : undefined;

  // The file is created before the terminal is taken, so a name that cannot be used is said plainly.
  try {
    writer = options.record === undefined ? undefined : await createRecording(options.record, { kind: scope.kind, label: scopeLabel(scope, chat) }, intervalMs);
  } catch (error) {
    await chat?.stop();
    release();
    throw error;
  }
  let terminal: ReturnType<typeof openTerminal>;
  try {
    terminal = openTerminal();
  } catch (error) {
    writer?.close();
    await chat?.stop();
    release();
    throw error;
  }
  let demo: DemoSession | undefined;
  let program: ProgramSession | undefined;
  const side: (() => SideContent) | undefined =
    scope.kind === 'demo'
      ? () => ({ title: t('ui.title.lesson', { name: scope.demo.name }), entries: demo?.entries ?? [] })
      : chat !== undefined
        ? () => ({ title: t('ui.title.chat', { address: chat.address }), entries: chat.entries })
        : scope.kind === 'run'
          ? () => ({ title: t('ui.title.output'), entries: program?.entries ?? [] })
          : undefined;

  return new Promise<number>((resolve, reject) => {
    let closing = false;
    const seeds = ({ snapshot, events }: Frame): Iterable<Seed> => {
      switch (scope.kind) {
        case 'all':
        case 'pids':
        case 'name':
          return targetSeeds(scope, { snapshot, events }, startedAt);
        // This room's server and clients only (the chat source knows what a room address reaches).
        case 'chat':
          return chat?.seeds(snapshot) ?? [];
        case 'demo':
          return [...(demo?.tracked ?? [])].map(([pid, trackedAt]) => ({ pid, trackedAt }));
        // The program, bound by pid as it was announced, and while it runs or lingers, its process
        // group (what it forks stays there unless it says otherwise) and itself as a bare pid, so
        // its events count even when it exits before a snapshot holds it.
        case 'run': {
          if (program?.tracked === undefined) return [];
          // The bare pid only until a moment after procview reaped it (its last events' frames): then
          // the pid may be reused, and a bare seed takes whatever process has it, and what it forks.
          const { endedAt } = program;
          const bare = endedAt === undefined || performance.now() - endedAt < PROGRAM_PID_LINGER_MS ? [program.tracked.pid] : [];
          return [program.tracked, ...bare, ...groupOf(snapshot, program.tracked.pid)];
        }
      }
    };

    const finish = async (code: number, cause: ExitCause | undefined): Promise<void> => {
      if (closing) return;
      closing = true;
      loop.stop();
      // On a signal or a crash the terminal comes back first; q keeps the screen while the demo cleans up.
      if (cause !== undefined) terminal.restore();
      else app.tell({ text: t('ui.msg.cleaningUp'), tone: 'info' });
      await Promise.allSettled([demo?.stop(DEMO_STOP_TIMEOUT_MS), chat?.stop(), program?.stop()]);
      // After the lesson's cleanup, so its last lines are in the recording too.
      writer?.close();
      terminal.restore();
      uninstall();
      if (cause?.kind === 'crash') reportCrash(cause.error);
      resolve(code);
      // Whatever might still hold the event loop (a stuck socket) must not keep a closed dashboard alive.
      setTimeout(() => process.exit(code), 2000).unref();
    };

    const uninstall = onExitPaths((cause) => void finish(cause.kind === 'crash' ? 1 : cause.code, cause));
    let app: ReturnType<typeof createApp>;
    let loop: ReturnType<typeof startRefreshLoop> = { stop: () => undefined, noteProgram: () => undefined, noteExit: () => undefined };
    try {
      app = createApp({
        screen: terminal.screen,
        theme: chooseTheme(process.env, options.noColour === true || !loaded.settings.colour),
        settings: loaded.settings,
        settingsPath: configPath,
        saveSettings: (settings) => saveSettings(configPath, settings),
        notice: loaded.problem === undefined ? undefined : { text: t('ui.settings.notUsed', { path: configPath, problem: loaded.problem }), tone: 'error' },
        version: packageVersion(),
        scopeLabel: scopeLabel(scope, chat),
        scope: scope.kind === 'all' ? ALL : EMPTY_FOLLOW,
        control: { backend: inspector.backend },
        canSay: chat !== undefined,
        side,
        ...(inspector.readDetails === undefined ? {} : { readDetails: inspector.readDetails }),
        // A lesson left before its end was not observed: its exit status says so (README: 1).
        onQuit: () => void finish(demo?.quitCode() ?? (scope.kind === 'demo' ? 1 : 0), undefined),
        onSay: async (text): Promise<Message> => (chat === undefined ? { text: t('ui.msg.noChat'), tone: 'error' } : chat.say(text)),
      });
    } catch (error) {
      // Setting up the screen failed: give the terminal back before the error is printed.
      closing = true;
      terminal.restore();
      uninstall();
      writer?.close();
      release();
      void Promise.allSettled([chat?.stop()]).then(() => reject(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    // Chat and narration lines can come in floods: one render per turn, one per 30 ms at most (coalesce.ts).
    const redraws = coalesce(() => {
      if (!closing) app.redraw();
    });
    redraw = () => redraws.request();
    // The scope's members, for the polling source's scoped tracker (the kernel source needs none).
    let members: Iterable<number> = [];
    /** The scope after the last frame: what a frame's seeds would make of it (procview run's kin). */
    let lastScope: Scope = scope.kind === 'all' ? ALL : EMPTY_FOLLOW;
    loop = startRefreshLoop({
      inspector,
      intervalMs,
      choice,
      ...(scope.kind === 'all' ? {} : { roots: () => members }),
      ...(runToken === undefined ? {} : { kinEntry: runToken }),
      onFrame: (frame) => {
        const seedList = [...seeds(frame)];
        // Polling, procview run: new processes that carry the program's token and that nothing else puts
        // in the scope (not the program, a child seen under a member, its group): a daemon its fast double
        // fork left. Said once each in the program's pane, as the inference it is.
        if (scope.kind === 'run' && frame.kin !== undefined && frame.kin.length > 0) {
          const covered = advanceScope(lastScope, frame.snapshot, seedList, frame.begunAt, frame.events);
          for (const pid of frame.kin) {
            const proc = frame.snapshot.procs.get(pid);
            if (covered.kind !== 'follow' || covered.members.has(pid) || proc === undefined) continue;
            seedList.push({ pid, startTime: proc.startTime });
            program?.say(t('cli.run.kin', { pid: String(pid), name: proc.comm ?? '?', entry: RUN_TOKEN_NAME }));
          }
        }
        const shown = app.frame(frame, seedList);
        lastScope = shown.scope;
        if (writer !== undefined) {
          writer.frame(frame, seedList, shown.scope.kind === 'follow' ? shown.scope.members.keys() : undefined);
          // A full disk ends the recording (the writer stops and says why), not the dashboard.
          if (writer.failure !== undefined) {
            app.tell({ text: t('ui.replay.recordingStopped', { why: writer.failure }), tone: 'error' });
            writer = undefined;
          }
        }
        members = shown.scope.kind === 'follow' ? [...shown.scope.members.keys(), ...(program?.tracked === undefined ? [] : [program.tracked.pid])] : [];
        // A lesson starts once the event source has a table to compare with, as procview run's program
        // (below): its first process forked before that table would be in it, its start and exec unsaid.
        if (scope.kind === 'demo' && lessons !== undefined && demo === undefined) {
          demo = lessons.startDemo(scope.demo, scope.holdMs, redraw, note('lesson'));
        }
        // procview run: the program starts once the event source has a table to compare with.
        if (scope.kind === 'run' && programs !== undefined && program === undefined) {
          program = programs.startProgramSession(
            scope.command,
            scope.args,
            redraw,
            { started: (pid, command, args) => loop.noteProgram(pid, command, args), exited: (pid, status) => loop.noteExit(pid, status) },
            note('output'),
            runToken,
          );
        }
      },
      onError: (error) => app.tell({ text: t('ui.msg.refreshFailed', { why: error instanceof Error ? error.message : String(error) }), tone: 'error' }),
    });
  });
}
