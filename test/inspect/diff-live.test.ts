// diffSnapshots on real snapshots of real processes: a zombie appears and is
// reaped by its real parent; an orphan is adopted. Each test watches only the
// pids it started, polling snapshots until a deadline and keeping every event.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/inspect/diff.js';
import { createInspector } from '../../src/inspect/inspector.js';
import type { Inspector, ProcEvent, Snapshot } from '../../src/inspect/types.js';
import { spawnGroup } from '../helpers/processes.js';

/** Snapshots, diffed one after the other; every event seen is kept. */
class EventWatch {
  readonly events: ProcEvent[] = [];
  private constructor(
    private readonly inspector: Inspector,
    private last: Snapshot,
  ) {}

  static async start(): Promise<EventWatch> {
    const inspector = createInspector();
    return new EventWatch(inspector, await inspector.snapshot());
  }

  get snapshot(): Snapshot {
    return this.last;
  }

  /** Snapshots until an event matches, or throws at the deadline listing what was seen about `pids`. */
  async until(match: (event: ProcEvent) => boolean, pids: readonly number[], what: string, timeoutMs = 10_000): Promise<ProcEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found !== undefined) return found;
      if (Date.now() > deadline) {
        const seen = this.events.filter((event) => pids.includes(event.pid));
        throw new Error(`timed out waiting for ${what}; events about ${pids.join(',')}: ${JSON.stringify(seen)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      const next = await this.inspector.snapshot();
      this.events.push(...diffSnapshots(this.last, next));
      this.last = next;
    }
  }
}

/** Reads lines from a child's stdout, one at a time. */
function lineReader(stream: Readable | null): () => Promise<string> {
  if (stream === null) throw new Error('no stdout');
  const lines = createInterface({ input: stream });
  const queue: string[] = [];
  lines.on('line', (line) => queue.push(line));
  return async () => {
    while (queue.length === 0) await once(lines, 'line');
    return queue.shift() ?? '';
  };
}

// perl (Essential on Debian) because its wait is explicit: unlike node (libuv
// reaps children at once) or a shell (bash reaps in its SIGCHLD handler), it
// leaves the child a zombie until told to waitpid, then lives on.
const REAP_ON_REQUEST = `
$| = 1;
my $child = fork() // die "fork: $!";
if ($child == 0) { exit 0 }
print "$child\\n";
my $go = <STDIN>;
waitpid($child, 0) == $child or die "waitpid: $!";
print "reaped\\n";
my $stay = <STDIN>;
`;

describe('diffSnapshots on live processes', () => {
  it('sees a real zombie appear under its parent and be reaped by that parent', async () => {
    const watch = await EventWatch.start();
    const parent = spawnGroup('perl', ['-e', REAP_ON_REQUEST], { stdio: ['pipe', 'pipe', 'inherit'] });
    const parentPid = parent.pid;
    const readLine = lineReader(parent.stdout);
    const zombiePid = Number(await readLine());
    expect(zombiePid).toBeGreaterThan(0);

    const zombie = await watch.until((event) => event.kind === 'zombie' && event.pid === zombiePid, [parentPid, zombiePid], 'the zombie');
    expect(zombie).toMatchObject({ kind: 'zombie', pid: zombiePid, ppid: parentPid, comm: 'perl' });
    expect(watch.snapshot.procs.get(zombiePid)?.stat).toBe('Z');

    parent.stdin?.write('reap\n');
    expect(await readLine()).toBe('reaped');
    const reap = await watch.until((event) => event.kind === 'reap' && event.pid === zombiePid, [parentPid, zombiePid], 'the reap');
    expect(reap).toMatchObject({ kind: 'reap', pid: zombiePid, by: parentPid });
    // The parent is still there: it reaped, it did not die.
    expect(watch.snapshot.procs.get(parentPid)?.state).toBe('S');
    const order = watch.events.filter((event) => event.pid === zombiePid).map((event) => event.kind);
    expect(order.indexOf('zombie')).toBeLessThan(order.indexOf('reap'));
    expect(order).not.toContain('exit');
    parent.stdin?.end();
  });

  it('sees a real orphan reparented when its parent exits, to whoever adopted it', async () => {
    const watch = await EventWatch.start();
    // The shell backgrounds a sleeper, says its pid, and exits when told.
    const shell = spawnGroup('sh', ['-c', 'sleep 30 & echo $!; read go'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const shellPid = shell.pid;
    const sleeperPid = Number(await lineReader(shell.stdout)());
    expect(sleeperPid).toBeGreaterThan(0);
    await watch.until((event) => event.kind === 'spawn' && event.pid === sleeperPid, [shellPid, sleeperPid], 'the sleeper');
    expect(watch.snapshot.procs.get(sleeperPid)?.ppid).toBe(shellPid);

    shell.stdin?.end('go\n');
    const reparent = await watch.until((event) => event.kind === 'reparent' && event.pid === sleeperPid, [shellPid, sleeperPid], 'the reparent');
    const adoptedBy = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(sleeperPid)], { encoding: 'utf8' }).trim());
    expect(adoptedBy).not.toBe(shellPid);
    expect(reparent).toEqual({
      kind: 'reparent',
      at: expect.any(Number) as unknown,
      pid: sleeperPid,
      comm: 'sleep',
      from: shellPid,
      to: adoptedBy,
      orphaned: true,
      adopter: adoptedBy === 1 ? 'init' : 'subreaper',
    });
  });
});
