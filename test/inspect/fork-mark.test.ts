// The fork mark on real processes: a shell's subshell is forked and never execs
// (PF_FORKNOEXEC set), the sleep it starts exec'd, and so did the shell itself.
import { describe, expect, it } from 'vitest';
import { forkedNoExec } from '../../src/inspect/fork-mark.js';
import { createInspector } from '../../src/inspect/inspector.js';
import { spawnGroup, waitFor } from '../helpers/processes.js';

describe('forkedNoExec', () => {
  it('reads PF_FORKNOEXEC from stat field 9: set in a forked subshell, clear once a process exec’d', async () => {
    // sh (exec'd by spawn) → its subshell (a fork, no exec) → sleep (fork, then exec).
    const shell = spawnGroup('sh', ['-c', '(sleep 30; true); true']);
    const inspector = createInspector({ backend: 'procfs' });
    try {
      const family = await waitFor(
        async () => {
          const { procs } = await inspector.snapshot();
          const subshell = [...procs.values()].find((p) => p.ppid === shell.pid);
          const sleeper = subshell === undefined ? undefined : [...procs.values()].find((p) => p.ppid === subshell.pid && p.comm === 'sleep');
          return sleeper === undefined ? undefined : ([procs.get(shell.pid), subshell, sleeper] as const);
        },
        { what: 'the subshell and its sleep' },
      );
      const [sh, subshell, sleeper] = family;
      expect(forkedNoExec(sh)).toBe(false);
      expect(subshell?.comm).toBe('sh');
      expect(forkedNoExec(subshell)).toBe(true);
      expect(forkedNoExec(sleeper)).toBe(false);
    } finally {
      inspector.close();
    }
  });
});
