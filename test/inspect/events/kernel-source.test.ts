// The kernel events source against the real kernel: real processes, real netlink.
// Needs root (CAP_NET_ADMIN); as another user the suite says so in its title and
// checks only the refusal.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { KernelEvent, KernelEventSource } from '../../../src/inspect/events/kernel-event.js';
import { NativeKernelEventSource, openKernelEvents } from '../../../src/inspect/events/kernel-source.js';
import { nativeAddonMissing } from '../../helpers/optional-tools.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

const isRoot = process.getuid?.() === 0;
const skipReason = process.platform !== 'linux' ? 'Linux only' : !isRoot ? 'needs root (CAP_NET_ADMIN) to subscribe' : nativeAddonMissing();
const title = (name: string): string => (skipReason === undefined ? name : `${name} — skipped: ${skipReason}`);

interface Collected {
  readonly source: KernelEventSource;
  readonly events: KernelEvent[];
  lost: number;
  batches: number;
}

const opened: KernelEventSource[] = [];
afterEach(() => {
  for (const source of opened.splice(0)) source.close();
});

async function subscribe(options: Parameters<typeof openKernelEvents>[0] = {}): Promise<Collected> {
  const result = await openKernelEvents(options);
  if (!result.ok) throw new Error(`kernel events unavailable: ${result.reason}: ${result.message}`);
  opened.push(result.source);
  const collected: Collected = { source: result.source, events: [], lost: 0, batches: 0 };
  result.source.onBatch((batch, lost) => {
    collected.batches++;
    collected.lost += lost;
    for (const event of batch) collected.events.push(event);
  });
  return collected;
}

type Of<K extends KernelEvent['kind']> = Extract<KernelEvent, { kind: K }>;

function find<K extends KernelEvent['kind']>(c: Collected, kind: K, match: (event: Of<K>) => boolean): Of<K> | undefined {
  return c.events.find((event): event is Of<K> => event.kind === kind && match(event as Of<K>));
}

function waitForEvent<K extends KernelEvent['kind']>(
  c: Collected,
  kind: K,
  match: (event: Of<K>) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<Of<K>> {
  return waitFor(() => find(c, kind, match), { what, timeoutMs, intervalMs: 5 });
}

/**
 * The storm's children seen forked by sh, and the exits of those children. An exit is matched by
 * the child's pid, after its fork, not by the parent it names: the kernel names the parent only
 * while the child is not reaped yet (cn_proc.c proc_exit_connector: pid_alive), and sh may reap
 * a child that was preempted between turning zombie and sending its exit event (parent 0).
 */
function stormSeen(c: Collected, shPid: number): { forks: number; exits: number; unnamedParent: number } {
  const running = new Set<number>();
  let forks = 0;
  let exits = 0;
  let unnamedParent = 0;
  for (const e of c.events) {
    if (e.kind === 'fork' && e.parentTgid === shPid && e.childPid === e.childTgid) {
      forks++;
      running.add(e.childTgid);
    }
    if (e.kind === 'exit' && e.pid === e.tgid && running.delete(e.tgid)) {
      exits++;
      if (e.parentTgid === undefined) unnamedParent++;
    }
  }
  return { forks, exits, unnamedParent };
}

/**
 * The storm shell's exit is no barrier for its children's: a child's exit is reported after
 * exit_notify() has woken the shell, and a child preempted in between is reported later still, on
 * its CPU, even after a marker process there (seeEveryCpu). So every storm event must arrive, or a
 * gap in its CPU's sequence must say it was lost, within a deadline.
 */
async function everyStormEventAccounted(c: Collected, shPid: number, count: number): Promise<void> {
  let marked = Date.now();
  try {
    await waitFor(
      async () => {
        const { forks, exits } = stormSeen(c, shPid);
        if (2 * count - forks - exits <= c.lost) return true;
        // A late event that was dropped shows as a gap only once its CPU sends another:
        // on a busy machine that may take long, so every CPU is made to send one each second.
        if (Date.now() - marked >= 1000) {
          await seeEveryCpu(c, 'while waiting for the storm');
          marked = Date.now();
        }
        return false;
      },
      { what: 'every storm event received or counted lost', timeoutMs: 30_000 },
    );
  } catch (error) {
    const { forks, exits } = stormSeen(c, shPid);
    throw new Error(`${(error as Error).message}: ${forks} forks and ${exits} exits of ${count} seen, ${c.lost} lost, ${c.batches} batches`);
  }
}

/** CPU numbers from a list like `0-3,6`. */
function onlineCpus(): number[] {
  const cpus: number[] = [];
  for (const part of readFileSync('/sys/devices/system/cpu/online', 'utf8').trim().split(',')) {
    const [from = 0, to = from] = part.split('-').map(Number);
    for (let cpu = from; cpu <= to; cpu++) cpus.push(cpu);
  }
  return cpus;
}

/**
 * Makes every CPU send an event the source receives: an exit pinned there (taskset) is
 * reported from that CPU. A small buffer may drop one with the machine's other events,
 * so each CPU gets new processes until one is seen.
 */
async function seeEveryCpu(c: Collected, when: string): Promise<void> {
  for (const cpu of onlineCpus()) {
    const pids = new Set<number>();
    await waitFor(
      () => {
        if (c.events.some((e) => e.kind === 'exit' && pids.has(e.tgid))) return true;
        pids.add(spawnGroup('taskset', ['-c', String(cpu), 'sh', '-c', 'exit 0']).pid);
        return false;
      },
      { what: `an event from CPU ${cpu} ${when}`, intervalMs: 20 },
    );
  }
}

/** Our open NETLINK_CONNECTOR sockets: /proc/self/fd socket inodes listed in /proc/net/netlink. */
function connectorSockets(): number {
  const connectorInodes = new Set<string>();
  for (const line of readFileSync('/proc/net/netlink', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // columns: sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode; Eth 11 = NETLINK_CONNECTOR
    if (fields[1] === '11' && fields[9] !== undefined) connectorInodes.add(fields[9]);
  }
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (match?.[1] !== undefined && connectorInodes.has(match[1])) count++;
    } catch {
      // the fd closed while we looked (readdir's own fd)
    }
  }
  return count;
}

describe.runIf(skipReason === undefined)(title('kernel events: real processes'), () => {
  it("reports the forks and exits of sh -c 'sleep 0.3 & exit 0', the orphan's exit last", async () => {
    const c = await subscribe();
    const sh = spawnGroup('sh', ['-c', 'sleep 0.3 & exit 0']);
    const shFork = await waitForEvent(c, 'fork', (e) => e.childTgid === sh.pid, 'fork of sh');
    expect(shFork).toMatchObject({ parentTgid: process.pid, childPid: sh.pid });
    const sleepFork = await waitForEvent(c, 'fork', (e) => e.parentTgid === sh.pid, 'fork of sleep');
    expect(sleepFork.childPid).toBe(sleepFork.childTgid); // a process, not a thread
    const shExit = await waitForEvent(c, 'exit', (e) => e.tgid === sh.pid && e.pid === sh.pid, 'exit of sh');
    expect(shExit.exitCode).toBe(0);
    // Its parent, unless Node reaped sh before the kernel sent the event (then not named: kernel-event.ts).
    expect([process.pid, undefined]).toContain(shExit.parentTgid);
    const sleepExit = await waitForEvent(c, 'exit', (e) => e.tgid === sleepFork.childTgid, 'exit of sleep');
    expect(sleepExit.exitCode).toBe(0);
    // Orphaned: at exit its parent is whoever adopted it (or not named, if that one reaped it first), no longer sh.
    expect(sleepExit.parentTgid).not.toBe(sh.pid);
    expect(sleepExit.at).toBeGreaterThanOrEqual(shExit.at);
    // Wall-clock times, converted from CLOCK_MONOTONIC: near now.
    expect(Math.abs(shFork.at - Date.now())).toBeLessThan(60_000);
    expect(shFork.at).toBeLessThanOrEqual(shExit.at);
  });

  it('reports an exit by SIGKILL in the wait status', async () => {
    const c = await subscribe();
    const child = spawnGroup('sleep', ['30']);
    await waitForEvent(c, 'exec', (e) => e.tgid === child.pid, 'exec of sleep');
    child.kill('SIGKILL');
    const exit = await waitForEvent(c, 'exit', (e) => e.tgid === child.pid, 'exit of sleep');
    expect(exit.exitCode & 0x7f).toBe(9);
    expect(exit.exitCode & 0x80).toBe(0);
    expect(exit.exitSignal).toBe(17); // SIGCHLD to the parent
  });

  it('reports an exit code', async () => {
    const c = await subscribe();
    const child = spawnGroup('sh', ['-c', 'exit 3']);
    const exit = await waitForEvent(c, 'exit', (e) => e.tgid === child.pid, 'exit of sh');
    expect(exit.exitCode).toBe(3 << 8);
  });

  it('reports exec of a new program', async () => {
    const c = await subscribe();
    const child = spawnGroup('sh', ['-c', 'exec sleep 0']);
    await waitForEvent(c, 'exit', (e) => e.tgid === child.pid, 'exit');
    const execs = c.events.filter((e) => e.kind === 'exec' && e.tgid === child.pid);
    expect(execs.length).toBe(2); // node's child becomes sh, then sh becomes sleep
    expect(execs.every((e) => e.kind === 'exec' && e.pid === child.pid)).toBe(true);
  });

  it("reads an exec'd program's name as it takes the exec event out of the socket", async () => {
    const c = await subscribe();
    const child = spawnGroup('sh', ['-c', 'exec sleep 30']);
    // The second exec of the child is sh becoming sleep; sleep is still there to be read.
    const exec = await waitFor(() => c.events.filter((e) => e.kind === 'exec' && e.tgid === child.pid)[1], { what: 'exec of sleep' });
    expect(exec.kind === 'exec' ? exec.program?.comm : undefined).toBe('sleep');
    expect(exec.kind === 'exec' ? (exec.program?.at ?? 0) : 0).toBeGreaterThanOrEqual(exec.at - 1);
  });

  it('reports a comm change (a write to /proc/self/comm)', async () => {
    const c = await subscribe();
    const child = spawnGroup('sh', ['-c', 'printf pv-renamed > /proc/self/comm; exit 0']);
    const comm = await waitForEvent(c, 'comm', (e) => e.tgid === child.pid && e.comm === 'pv-renamed', 'comm');
    expect(comm.pid).toBe(child.pid);
  });

  it('reports setsid()', async () => {
    const c = await subscribe();
    // spawnGroup makes a process group leader; setsid(1) then forks, and the child calls setsid().
    const child = spawnGroup('setsid', ['-w', 'true']);
    const fork = await waitForEvent(c, 'fork', (e) => e.parentTgid === child.pid, 'fork by setsid');
    await waitForEvent(c, 'sid', (e) => e.tgid === fork.childTgid, 'sid');
  });

  it('reports a thread as pid !== tgid', async () => {
    const c = await subscribe();
    // A worker thread of a node child: its fork event names a new thread in the same process.
    const child = spawnGroup(process.execPath, [
      '-e',
      "const { Worker } = require('node:worker_threads'); new Worker('1', { eval: true }).on('exit', () => process.exit(0));",
    ]);
    const thread = await waitForEvent(c, 'fork', (e) => e.childTgid === child.pid && e.childPid !== child.pid, 'a thread of the child');
    // A thread's real_parent is its process's parent (copy_process, CLONE_THREAD).
    expect(thread.parentTgid).toBe(process.pid);
    await waitForEvent(c, 'exit', (e) => e.tgid === child.pid && e.pid === child.pid, 'exit of the child');
  });

  it('reports a core dump (SIGQUIT), with the core flag when ulimit -c allows one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'procview-core-'));
    try {
      const c = await subscribe();
      // The hard limit decides whether a core file can be written at all.
      const hard = execFileSync('sh', ['-c', 'ulimit -Hc'], { encoding: 'utf8' }).trim();
      const pattern = readFileSync('/proc/sys/kernel/core_pattern', 'utf8').trim();
      const canDump = hard !== '0' && !pattern.startsWith('|') && !pattern.includes('/');
      const child = spawnGroup('sh', ['-c', `${canDump ? 'ulimit -c unlimited; ' : ''}exec sleep 30`], { cwd: dir });
      // The second exec of the child is sh becoming sleep.
      await waitFor(() => c.events.filter((e) => e.kind === 'exec' && e.tgid === child.pid).length === 2, {
        what: 'exec of sleep',
        intervalMs: 5,
      });
      child.kill('SIGQUIT');
      const core = await waitForEvent(c, 'coredump', (e) => e.tgid === child.pid, 'coredump');
      expect(core.parentTgid).toBe(process.pid);
      const exit = await waitForEvent(c, 'exit', (e) => e.tgid === child.pid, 'exit');
      expect(exit.exitCode & 0x7f).toBe(3);
      if (canDump) expect(exit.exitCode & 0x80).toBe(0x80);
      else console.info(`core flag not checked: ulimit -Hc ${hard}, core_pattern ${pattern}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accounts for every process of a fork storm of 2,000 (received + lost)', async () => {
    const c = await subscribe();
    await seeEveryCpu(c, 'before the storm');
    const count = 2000;
    const storm = spawnGroup('sh', ['-c', `i=0; while [ $i -lt ${count} ]; do /bin/true & i=$((i+1)); done; wait`]);
    // 2,000 processes take seconds on a loaded 2-core machine.
    await waitForEvent(c, 'exit', (e) => e.tgid === storm.pid, 'end of the storm', 80_000);
    await seeEveryCpu(c, 'after the storm');
    await everyStormEventAccounted(c, storm.pid, count);
    const { forks, exits, unnamedParent } = stormSeen(c, storm.pid);
    // Every event missing from the storm was counted as lost (lost may count others' events too).
    expect(2 * count - forks - exits).toBeLessThanOrEqual(c.lost);
    if (c.lost === 0) expect([forks, exits]).toEqual([count, count]);
    console.info(
      `fork storm of ${count}: ${forks} forks, ${exits} exits seen (${unnamedParent} reaped before the event named a parent), ` +
        `${c.lost} events lost, ${c.batches} batches`,
    );
  }, 150_000);

  it('counts lost events exactly when the socket buffer overflows (ENOBUFS)', async () => {
    // A small buffer and a blocked JS thread (spawnSync) guarantee an overflow.
    const c = await subscribe({ receiveBufferBytes: 4096 });
    // Gaps are counted per CPU from the first event seen from it: see one from every CPU
    // before the storm, and one after it, so every loss lies between two seen events.
    await seeEveryCpu(c, 'before the storm');
    const count = 300;
    const result = spawnSync('sh', ['-c', `i=0; while [ $i -lt ${count} ]; do /bin/true & i=$((i+1)); done; wait; echo $$`], {
      encoding: 'utf8',
    });
    const stormPid = Number(result.stdout.trim());
    await waitFor(() => c.lost > 0, { what: 'a reported loss', timeoutMs: 10_000, intervalMs: 5 });
    // Events after the overflow still arrive.
    await seeEveryCpu(c, 'after the storm');
    await everyStormEventAccounted(c, stormPid, count);
    const { forks, exits } = stormSeen(c, stormPid);
    expect(2 * count - forks - exits).toBeLessThanOrEqual(c.lost);
    const stats = c.source instanceof NativeKernelEventSource ? c.source.stats() : undefined;
    expect(stats?.overflows).toBeGreaterThan(0);
    console.info(`overflow: ${forks}/${count} forks and ${exits}/${count} exits seen, ${c.lost} lost, ${stats?.overflows} ENOBUFS`);
  }, 90_000);

  it('close() unsubscribes, releases the socket and stops the callbacks', async () => {
    const before = connectorSockets();
    const c = await subscribe();
    expect(connectorSockets()).toBe(before + 1);
    c.source.close();
    expect(connectorSockets()).toBe(before);
    c.source.close(); // idempotent
    // Events after close reach no listener: a later subscription sees this exit, the closed one not.
    const witness = await subscribe();
    const child = spawnGroup('sh', ['-c', 'exit 0']);
    await waitForEvent(witness, 'exit', (e) => e.tgid === child.pid, 'exit seen by the open source');
    expect(find(c, 'exit', (e) => e.tgid === child.pid)).toBeUndefined();
  });

  it('a listener may close the source: later listeners and batches get nothing more', async () => {
    const c = await subscribe();
    let after = 0;
    c.source.onBatch(() => c.source.close());
    c.source.onBatch(() => after++);
    const before = c.batches;
    spawnGroup('sh', ['-c', 'exit 0']);
    await waitFor(() => c.batches > before, { what: 'a batch', intervalMs: 5 });
    expect(after).toBe(0);
    // A witness sees a later process; the closed source's first listener does not.
    const witness = await subscribe();
    const child = spawnGroup('sh', ['-c', 'exit 0']);
    await waitForEvent(witness, 'exit', (e) => e.tgid === child.pid, 'exit seen by the witness');
    expect(find(c, 'exit', (e) => e.tgid === child.pid)).toBeUndefined();
  });

  it('a worker thread that ends with its source open releases the socket', async () => {
    const before = connectorSockets();
    // The worker runs the built module (npm test builds first).
    const dist = new URL('../../../dist/inspect/events/kernel-source.js', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(dist)}).then(async (m) => {
         const r = await m.openKernelEvents();
         if (r.ok) r.source.onBatch(() => {});
         require('node:worker_threads').parentPort.postMessage(r.ok);
       })`,
      { eval: true },
    );
    const ok = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(ok).toBe(true);
    expect(connectorSockets()).toBe(before + 1);
    await worker.terminate();
    expect(connectorSockets()).toBe(before);
  });

  it('an aborted signal closes the source', async () => {
    const controller = new AbortController();
    const before = connectorSockets();
    const c = await subscribe({ signal: controller.signal });
    expect(connectorSockets()).toBe(before + 1);
    controller.abort();
    expect(connectorSockets()).toBe(before);
    expect(c.source.kind).toBe('kernel');
  });

  it('takeNow hands over, before it returns, what waits in the socket', async () => {
    // A coalescing window nothing waits out here (46 days, longer than the machine has been up: the
    // first batch, the subscription's answer, must still come at once): only takeNow can bring
    // what follows it.
    const c = await subscribe({ coalesceMs: 4_000_000_000 });
    const child = spawnSync('sh', ['-c', 'exec true']);
    // The loop has not run since: the events of the child are all still in the socket. The fork
    // event is sent before fork() returns, the exec's before the program runs: both are there.
    expect(find(c, 'exec', (e) => e.tgid === child.pid)).toBeUndefined();
    c.source.takeNow();
    expect(find(c, 'fork', (e) => e.childTgid === child.pid && e.parentTgid === process.pid)).toBeDefined();
    expect(find(c, 'exec', (e) => e.tgid === child.pid)).toBeDefined();
    // Closed: nothing more, and no error.
    c.source.close();
    const kept = c.events.length;
    spawnSync('true');
    c.source.takeNow();
    expect(c.events.length).toBe(kept);
  });

  it('keeps events that arrive before the first listener', async () => {
    const result = await openKernelEvents();
    if (!result.ok) throw new Error(result.message);
    opened.push(result.source);
    const child = spawnGroup('sh', ['-c', 'exit 0']);
    // No listener yet: wait until the child is gone, then listen.
    await waitFor(() => spawnSync('kill', ['-0', String(child.pid)]).status !== 0, { what: 'child gone' });
    const events: KernelEvent[] = [];
    result.source.onBatch((batch) => events.push(...batch));
    await waitFor(() => events.some((e) => e.kind === 'fork' && e.childTgid === child.pid), { what: 'kept fork' });
  });
});

describe.runIf(skipReason === undefined)(title('kernel events: refusals (never hang, never throw)'), () => {
  it("says 'not-permitted' to a user without CAP_NET_ADMIN", () => {
    const script = `import('${new URL('../../../dist/inspect/events/kernel-source.js', import.meta.url).href}')
      .then((m) => m.openKernelEvents()).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const out = execFileSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: '/' });
    expect(JSON.parse(out)).toMatchObject({ ok: false, reason: 'not-permitted' });
  });

  it.each([
    ['a network namespace', ['--net'], true],
    ['a network namespace, asking the kernel (ECONNREFUSED)', ['--net'], false],
    ['a PID namespace (same network)', ['--pid', '--fork', '--mount-proc'], true],
    ['a PID namespace, asking the kernel (no answer within 500 ms)', ['--pid', '--fork', '--mount-proc'], false],
    ['a user namespace (root in it, not in the host)', ['--user', '--map-root-user'], true],
  ])("says 'other-namespace' in %s, without hanging", (_name, flags, checkNamespaces) => {
    const script = `import('${new URL('../../../dist/inspect/events/kernel-source.js', import.meta.url).href}')
      .then((m) => m.openKernelEvents({ checkNamespaces: ${checkNamespaces} }))
      .then((r) => process.stdout.write(JSON.stringify(r)))`;
    const started = Date.now();
    const out = execFileSync('unshare', [...flags, process.execPath, '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(JSON.parse(out)).toMatchObject({ ok: false, reason: 'other-namespace' });
    console.info(`other-namespace (${flags.join(' ')}, check ${checkNamespaces}): ${Date.now() - started} ms with Node's start`);
  });
});

describe('kernel events: turned off', () => {
  it("PROCVIEW_EVENTS=polling gives 'disabled' with a message", async () => {
    const saved = process.env.PROCVIEW_EVENTS;
    process.env.PROCVIEW_EVENTS = 'polling';
    try {
      const result = await openKernelEvents();
      expect(result).toMatchObject({ ok: false, reason: 'disabled' });
      if (!result.ok) expect(result.message).toMatch(/PROCVIEW_EVENTS=polling/);
    } finally {
      if (saved === undefined) delete process.env.PROCVIEW_EVENTS;
      else process.env.PROCVIEW_EVENTS = saved;
    }
  });

  it("a missing addon gives 'no-native-module'", async () => {
    const result = await openKernelEvents({ addonPath: join(tmpdir(), 'procview-no-such-dir', 'proc_events.node') });
    expect(result).toMatchObject({ ok: false, reason: 'no-native-module' });
  });

  it.runIf(process.platform === 'linux' && !isRoot)("says 'not-permitted' when not root", async () => {
    expect(await openKernelEvents()).toMatchObject({ ok: false, reason: 'not-permitted' });
  });

  it('an aborted signal gives ok:false before subscribing', async () => {
    const result = await openKernelEvents({ signal: AbortSignal.abort() });
    expect(result.ok).toBe(false);
  });
});
