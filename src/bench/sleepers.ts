// N extra sleeping processes for the benchmark, made cheaply by one shell in
// its own process group. The shell waits on its stdin: when we close it — or
// when we die and the kernel closes it for us — it kills its sleepers and
// reaps them itself, so nothing is left for init to collect.
import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { stopChild } from '../process/child-exit.js';

const SCRIPT = [
  'i=0',
  'while [ "$i" -lt "$1" ]; do sleep 86400 & i=$((i+1)); done',
  'echo ready',
  // Blocks until stdin closes; then the whole group but this shell gets SIGTERM, and we reap.
  'read _ || true',
  "trap '' TERM",
  'kill -TERM 0',
  'wait',
].join('\n');

export interface Sleepers {
  /** pid (and process group id) of the shell whose children the sleepers are. */
  readonly pid: number;
  /** Ends them all; resolves once the shell has reaped them and exited. */
  stop(): Promise<void>;
  /** Last resort, synchronous (for `exit` handlers): SIGKILL the whole group. */
  kill(): void;
}

export async function startSleepers(count: number, timeoutMs = 120_000): Promise<Sleepers> {
  const child = spawn('sh', ['-c', SCRIPT, 'sleepers', String(count)], {
    detached: true,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the sleeper shell');
  const kill = (): void => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // ESRCH: already gone.
    }
  };
  const stop = async (): Promise<void> => {
    child.stdin?.end();
    await stopChild(child, { signal: null, graceMs: 15_000, group: true, killWaitMs: 5_000 });
  };
  const ready = new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`sleepers not ready after ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sleeper shell exited early (${String(code)})`));
    });
  });
  try {
    await ready;
  } catch (error) {
    kill();
    throw error;
  }
  return { pid, stop, kill };
}

/**
 * Runs `body` with `count` extra sleepers (none when 0), and ends them however
 * the benchmark ends: normally, by an error, or by SIGINT/SIGTERM/SIGHUP
 * (then exits 128 + N).
 */
export async function withSleepers<T>(count: number, body: (sleepers: Sleepers | undefined) => Promise<T> | T): Promise<T> {
  let sleepers: Sleepers | undefined;
  process.on('exit', () => sleepers?.kill());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void (sleepers?.stop() ?? Promise.resolve()).finally(() => process.exit(128 + osConstants.signals[signal]));
    });
  }
  try {
    if (count > 0) {
      process.stdout.write(`starting ${count} sleeping processes…\n`);
      sleepers = await startSleepers(count);
    }
    return await body(sleepers);
  } finally {
    await sleepers?.stop();
    sleepers = undefined;
  }
}
