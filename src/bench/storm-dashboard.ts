// The dashboard in a pseudo-terminal for the fork storm of `npm run bench:events`: how long a
// key takes to show on screen (`?` opens the help, Esc closes it: the time from writing the key
// to the screen showing, or no longer showing, "procview keys"), the events line of the header
// (`events: kernel · N events lost`), and the dashboard's CPU time. The screen is what a
// terminal would show: @xterm/headless interprets everything the dashboard writes.
import { fileURLToPath } from 'node:url';
import { readCpuTimes } from '../inspect/procfs/cpu-time.js';

const COLS = 160;
const ROWS = 45;
const HELP = 'procview keys';

export interface DashboardProbe {
  readonly pid: number;
  /** The screen, rows joined by newlines. */
  screen(): string;
  /** Waits (up to `timeoutMs`) until `test` holds for the screen; the ms it took, or undefined on timeout. */
  waitFor(test: (screen: string) => boolean, timeoutMs: number): Promise<number | undefined>;
  /** `?` then Esc: ms until the help showed and until it was gone (undefined: not within `timeoutMs`). */
  keyRoundTrip(timeoutMs: number): Promise<{ open: number | undefined; close: number | undefined }>;
  /** CPU seconds the dashboard has used (utime + stime), undefined once gone. */
  cpuSeconds(): number | undefined;
  close(): void;
}

export async function startDashboard(args: readonly string[]): Promise<DashboardProbe> {
  // Dev dependencies: the benchmark runs from a checkout, not from an install.
  const { default: pty } = await import('@lydell/node-pty');
  const { default: xterm } = await import('@xterm/headless');
  const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
  const term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  const child = pty.spawn(process.execPath, [cli, ...args], {
    name: 'xterm-256color',
    cols: COLS,
    rows: ROWS,
    env: { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8' } as Record<string, string>,
  });
  const screen = (): string => {
    const buffer = term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < term.rows; y += 1) rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return rows.join('\n');
  };
  let waiters: (() => void)[] = [];
  // Each chunk is parsed (write's callback), then the waiters look at the screen.
  child.onData((data) => term.write(data, () => waiters.forEach((look) => look())));
  const waitFor = (test: (text: string) => boolean, timeoutMs: number): Promise<number | undefined> => {
    const begun = performance.now();
    return new Promise((resolve) => {
      const done = (value: number | undefined): void => {
        clearTimeout(timer);
        waiters = waiters.filter((look) => look !== check);
        resolve(value);
      };
      const check = (): void => {
        if (test(screen())) done(performance.now() - begun);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      waiters.push(check);
      check();
    });
  };
  return {
    pid: child.pid,
    screen,
    waitFor,
    async keyRoundTrip(timeoutMs) {
      child.write('?');
      const open = await waitFor((text) => text.includes(HELP), timeoutMs);
      child.write('\u001b');
      const close = await waitFor((text) => !text.includes(HELP), timeoutMs);
      return { open, close };
    },
    cpuSeconds: () => {
      const times = readCpuTimes(child.pid);
      return times === undefined ? undefined : times.self + times.children;
    },
    close: () => {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
      term.dispose();
    },
  };
}
