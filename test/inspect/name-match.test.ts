// --watch NAME never takes procview's own processes (as pgrep never matches itself).
import { describe, expect, it } from 'vitest';
import { matchByName, matchEventsByName } from '../../src/inspect/name-match.js';
import { proc, snapshot } from './diff-builders.js';

describe('matchByName', () => {
  it('matches name or command line, but not procview, its ancestors or its descendants', () => {
    const snap = snapshot([
      proc({ pid: 10, ppid: 1, comm: 'sh', args: 'sh -c procview --watch worker' }),
      proc({ pid: 11, ppid: 10, comm: 'node', args: 'node procview --watch worker' }),
      proc({ pid: 12, ppid: 11, comm: 'node', args: 'node chat worker' }),
      proc({ pid: 20, ppid: 1, comm: 'worker', args: 'worker --queue' }),
      proc({ pid: 21, ppid: 1, comm: 'python3', args: 'python3 worker.py' }),
      proc({ pid: 22, ppid: 1, comm: 'sleep', args: 'sleep 5' }),
    ]);
    expect(matchByName(snap, 'worker', 11)).toEqual([20, 21]);
  });

  it('never matches PID 1, an ancestor of every process, even where the walk up from procview breaks off', () => {
    const init = proc({ pid: 1, ppid: 0, comm: 'process_api', args: '/process_api --firecracker-init --tcp-readiness-only' });
    const sleeper = proc({ pid: 20, ppid: 1, comm: 'sleep', args: 'sleep only' });
    expect(matchByName(snapshot([init, proc({ pid: 11, ppid: 1, comm: 'node', args: 'node procview --watch only' }), sleeper]), 'only', 11)).toEqual([20]);
    // procview's parent cannot be seen (hidepid): the walk stops at 11.
    expect(matchByName(snapshot([init, proc({ pid: 11, ppid: 9, comm: 'node', args: 'node procview' }), sleeper]), 'only', 11)).toEqual([20]);
  });
});

describe('matchEventsByName', () => {
  it('matches a process by the program its exec or exit names, though no table holds it; never procview or its descendants', () => {
    const snap = snapshot([proc({ pid: 11, ppid: 1, comm: 'node', args: 'node procview events --watch fxprog' }), proc({ pid: 30, ppid: 11, comm: 'sh' })]);
    const at = 1;
    const pids = matchEventsByName(
      [
        { kind: 'spawn', at, pid: 40, comm: 'bash', ppid: 1 },
        { kind: 'exec', at, pid: 40, comm: 'fxprog', args: '/tmp/x/fxprog', fromComm: 'bash', fromArgs: undefined },
        { kind: 'exit', at, pid: 41, comm: 'fxprog', ppid: 40 },
        { kind: 'exec', at, pid: 42, comm: 'ls', args: 'ls', fromComm: 'fxprog', fromArgs: undefined },
        { kind: 'exec', at, pid: 30, comm: 'fxprog', args: 'fxprog', fromComm: 'sh', fromArgs: undefined },
        { kind: 'exec', at, pid: 11, comm: 'fxprog', args: 'fxprog', fromComm: 'node', fromArgs: undefined },
      ],
      snap,
      'fxprog',
      11,
    );
    expect(pids).toEqual([40, 41]);
  });

  it('never matches PID 1 re-executing itself', () => {
    const snap = snapshot([proc({ pid: 11, ppid: 1, comm: 'node', args: 'node procview' })]);
    const exec = { kind: 'exec', at: 1, pid: 1, comm: 'systemd', args: '/lib/systemd/systemd --system', fromComm: 'systemd', fromArgs: undefined } as const;
    expect(matchEventsByName([exec], snap, 'systemd', 11)).toEqual([]);
  });
});
