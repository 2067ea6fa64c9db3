// --watch NAME never takes procview's own processes (as pgrep never matches itself).
import { describe, expect, it } from 'vitest';
import { matchByName } from '../../src/inspect/name-match.js';
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
});
