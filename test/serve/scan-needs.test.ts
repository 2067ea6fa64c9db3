import { describe, expect, it } from 'vitest';
import { parseGroupSpec } from '../../src/metrics/groups.js';
import { scanOptions } from '../../src/serve/scan-needs.js';

describe('scanOptions', () => {
  it('reads stat alone, without command lines, when nothing tests them', () => {
    expect(scanOptions({ groups: [], scope: { kind: 'all' } })).toEqual({ fields: 'stat', commandLines: false });
    expect(scanOptions({ groups: [parseGroupSpec('web=comm:nginx')], scope: { kind: 'pids', pids: [1] } })).toEqual({ fields: 'stat', commandLines: false });
  });

  it('reads command lines for a cmdline: group or a --watch by name', () => {
    expect(scanOptions({ groups: [parseGroupSpec('a=sh'), parseGroupSpec('py=cmdline:app\\.py')], scope: { kind: 'all' } }).commandLines).toBe(true);
    expect(scanOptions({ groups: [], scope: { kind: 'name', pattern: 'sleep' } }).commandLines).toBe(true);
  });
});
