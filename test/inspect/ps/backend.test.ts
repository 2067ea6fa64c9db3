// The ps backend on a real process whose argv is exactly `[cat]`: the text ps
// also prints in place of a missing command line. It must stay the command
// line, while a kernel thread's and a zombie's stand-ins become ''.
import { describe, expect, it } from 'vitest';
import { createInspector } from '../../../src/inspect/inspector.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

describe.runIf(process.platform === 'linux')('ps backend, live: `[comm]` argv versus ps stand-ins', () => {
  it('keeps a real `[cat]` argv, and reads kernel threads and zombies as having none', async () => {
    // cat with no arguments waits on its stdin pipe, which this test holds open.
    const child = spawnGroup('cat', [], { argv0: '[cat]', stdio: ['pipe', 'ignore', 'ignore'] });
    const { pid } = child;
    if (pid === undefined) throw new Error('cat did not start');
    // sh execs sleep 30 after forking `sleep 0`, which becomes a zombie nobody waits for.
    const zombieParent = spawnGroup('sh', ['-c', 'sleep 0 & exec sleep 30']).pid;
    if (zombieParent === undefined) throw new Error('sh did not start');
    const ps = createInspector({ backend: 'ps' });
    const snapshot = await waitFor(
      async () => {
        const next = await ps.snapshot();
        const zombie = [...next.procs.values()].some((p) => p.ppid === zombieParent && p.state === 'Z');
        return next.procs.get(pid)?.comm === 'cat' && zombie ? next : undefined;
      },
      { what: 'the [cat] process and the zombie' },
    );
    expect(snapshot.procs.get(pid)).toMatchObject({ comm: 'cat', args: '[cat]' });
    const zombie = [...snapshot.procs.values()].find((p) => p.ppid === zombieParent && p.state === 'Z');
    expect(zombie).toMatchObject({ comm: 'sleep', args: '' });
    // procfs, which reads /proc/PID/cmdline itself, agrees on both.
    const truth = await createInspector({ backend: 'procfs' }).snapshot();
    expect(truth.procs.get(pid)?.args).toBe('[cat]');
    if (zombie !== undefined) expect(truth.procs.get(zombie.pid)?.args).toBe('');
    // Kernel threads (children of kthreadd, pid 2), when this system shows them.
    const kernelThreads = [...snapshot.procs.values()].filter((p) => p.ppid === 2);
    for (const thread of kernelThreads) expect(thread.args, `${thread.pid} ${thread.comm ?? ''}`).toBe('');
    child.stdin?.end();
  });
});
