// The kinds of real processes the live tests compare against ps: a sleeper, a
// stopped one, a niced one, a zombie, executables copied under hostile names,
// a multi-threaded one, one on a pseudo-terminal, and (when python3 can) one
// with locked memory. Everything is spawned into process groups that
// test/helpers/processes.ts tears down after each test.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from '@lydell/node-pty';
import { afterEach } from 'vitest';
import type { Inspector, ProcInfo, Snapshot } from '../../../src/inspect/types.js';
import { sanitizeForDisplay } from '../../../src/text/sanitize.js';
import { spawnGroup, trackGroup, waitFor } from '../../helpers/processes.js';

export interface Spawned {
  /** What the process is, for failure messages. */
  readonly label: string;
  readonly pid: number;
}

const temps: string[] = [];
const terminals: pty.IPty[] = [];
afterEach(() => {
  for (const term of terminals.splice(0)) {
    try {
      term.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sleepPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).stdout.trim();
  if (found === '') throw new Error('no sleep on PATH');
  return found;
}

/** A copy of sleep named `name` in a fresh temp dir. */
export function hostileSleep(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'procview-hostile-'));
  temps.push(dir);
  const path = join(dir, name);
  copyFileSync(sleepPath(), path);
  chmodSync(path, 0o755);
  return path;
}

export function canLockMemory(): boolean {
  const probe = spawnSync('python3', ['-c', 'import ctypes; ctypes.CDLL(None).mlockall'], { stdio: 'ignore' });
  return probe.status === 0;
}

function pidOf(child: { pid?: number | undefined }): number {
  if (child.pid === undefined) throw new Error('spawn failed');
  return child.pid;
}

const byPid = (snapshot: Snapshot, pid: number): ProcInfo | undefined => snapshot.procs.get(pid);

/** Spawns every kind and waits until each looks as it should in `inspector`'s snapshots. */
export async function spawnKinds(inspector: Inspector): Promise<Spawned[]> {
  const kinds: Spawned[] = [];
  const settle: ((p: Snapshot) => boolean)[] = [];
  const add = (label: string, pid: number, ready: (info: ProcInfo, snapshot: Snapshot) => boolean): void => {
    kinds.push({ label, pid });
    settle.push((snapshot) => {
      const info = byPid(snapshot, pid);
      return info !== undefined && ready(info, snapshot);
    });
  };

  // VmLck is read from status when a process is first seen, so this one locks
  // its memory before any snapshot can see it.
  if (canLockMemory()) {
    const locker = spawnGroup('python3', ['-c', 'import ctypes, time; ctypes.CDLL(None).mlockall(3); print("locked", flush=True); time.sleep(30)'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let said = '';
    locker.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
    });
    await waitFor(() => said.includes('locked'), { what: 'python3 to lock its memory' });
    add('locked memory', pidOf(locker), (p) => p.stat?.includes('L') === true);
  }

  const sleeper = pidOf(spawnGroup('sleep', ['30']));
  add('sleeper', sleeper, (p) => p.comm === 'sleep' && p.state === 'S');

  const stopped = pidOf(spawnGroup('sleep', ['30']));
  add('stopped', stopped, (p) => p.comm === 'sleep' && p.state === 'T');

  const niced = pidOf(spawnGroup('nice', ['-n', '5', 'sleep', '30']));
  add('niced', niced, (p) => p.comm === 'sleep' && p.nice === 5);

  // sh forks `sleep 0.1`, then execs `sleep 30`, which never waits: its child stays a zombie.
  const zombieParent = pidOf(spawnGroup('sh', ['-c', 'sleep 0.1 & exec sleep 30']));
  add('zombie parent', zombieParent, (p, snapshot) => p.comm === 'sleep' && zombieOf(snapshot, zombieParent) !== undefined);

  const hostile = pidOf(spawnGroup(hostileSleep('a) Z 1 (b'), ['30']));
  add('hostile a) Z 1 (b', hostile, (p) => p.comm === 'a) Z 1 (b');

  const newline = pidOf(spawnGroup(hostileSleep('new\nline'), ['30']));
  add('newline in name', newline, (p) => sanitizeForDisplay(p.comm ?? '') === 'new?line');

  const long = pidOf(spawnGroup(hostileSleep('abcdefghijklmnopqrstuvwxyz'), ['30']));
  add('long name', long, (p) => p.comm === 'abcdefghijklmno');

  const threaded = pidOf(spawnGroup(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'an arg with spaces']));
  add('multi-threaded node', threaded, (p) => p.comm === 'node' && (p.threads ?? 0) > 1);

  const term = pty.spawn('sleep', ['30'], { name: 'xterm', cols: 80, rows: 24 });
  terminals.push(term);
  trackGroup(term.pid);
  add('on a pty', term.pid, (p) => p.comm === 'sleep' && p.tty?.startsWith('pts/') === true);

  process.kill(stopped, 'SIGSTOP');
  let unsettled: string[] = [];
  try {
    await waitFor(
      async () => {
        const snapshot = await inspector.snapshot();
        unsettled = kinds.filter((_, i) => settle[i]?.(snapshot) !== true).map((k) => `${k.label}: ${JSON.stringify(byPid(snapshot, k.pid))}`);
        return unsettled.length === 0;
      },
      { timeoutMs: 15_000, what: 'the spawned processes to settle' },
    );
  } catch (error) {
    throw new Error(`${String(error)}; still unsettled: ${unsettled.join('; ')}`);
  }
  const zombie = zombieOf(await inspector.snapshot(), zombieParent);
  if (zombie !== undefined) kinds.push({ label: 'zombie', pid: zombie });
  return kinds;
}

export function zombieOf(snapshot: Snapshot, parent: number): number | undefined {
  for (const p of snapshot.procs.values()) if (p.ppid === parent && p.state === 'Z') return p.pid;
  return undefined;
}
