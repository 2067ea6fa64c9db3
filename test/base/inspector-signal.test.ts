// SIGUSR1 opens Node's inspector (a debugger that runs what it is sent) in a
// process that does not listen for it: a procview process running as root
// would then run any local user's code. Every procview process listens.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT } from '../helpers/run-cli.js';

beforeAll(ensureBuilt);

const MODULE = pathToFileURL(join(REPO_ROOT, 'dist/base/inspector-signal.js')).href;

/** A Node process that signals itself SIGUSR1 and prints the inspector's URL once it has had the signal (or after 5 s: none). */
function afterSignal(refuse: boolean): string {
  const script = `
    import inspector from 'node:inspector';
    ${refuse ? `const { refuseInspectorSignal } = await import(${JSON.stringify(MODULE)}); refuseInspectorSignal();` : ''}
    const deadline = Date.now() + 5000;
    const look = () => {
      const url = inspector.url();
      if (url !== undefined || Date.now() > deadline) { console.log(url ?? 'none'); process.exit(0); }
      setTimeout(look, 10);
    };
    // Kept alive until then: the signal reaches JavaScript a turn later.
    const alive = setTimeout(() => undefined, 10_000);
    // Our own listener ran: the signal came, and the inspector it would have opened is open by now or never.
    ${refuse ? "process.on('SIGUSR1', () => setImmediate(() => { console.log(inspector.url() ?? 'none'); process.exit(0); }));" : 'look();'}
    process.kill(process.pid, 'SIGUSR1');
  `;
  // Port 0: should the inspector open, it takes a free port, not 9229.
  const result = spawnSync(process.execPath, ['--inspect-port=0', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return result.stdout.trim();
}

describe('SIGUSR1', () => {
  it('opens no inspector in a procview process (and does in a bare Node one, the reason)', () => {
    expect(afterSignal(false)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    expect(afterSignal(true)).toBe('none');
  });
});
