// environHas on a proc root of hand-made files, and on a real process.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environHas } from '../../../src/inspect/procfs/environ.js';
import { spawnGroup, waitFor } from '../../helpers/processes.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function rootWith(environ: string): string {
  const root = mkdtempSync(join(tmpdir(), 'procview-environ-'));
  roots.push(root);
  mkdirSync(join(root, '42'));
  writeFileSync(join(root, '42', 'environ'), environ);
  return root;
}

describe('environHas', () => {
  it('finds a whole NAME=value string, first, in the middle or last, and nothing that only contains it', () => {
    expect(environHas(rootWith('PROCVIEW_RUN=7.ab\0HOME=/root\0'), 42, 'PROCVIEW_RUN=7.ab')).toBe(true);
    expect(environHas(rootWith('A=1\0PROCVIEW_RUN=7.ab\0B=2\0'), 42, 'PROCVIEW_RUN=7.ab')).toBe(true);
    expect(environHas(rootWith('A=1\0PROCVIEW_RUN=7.ab'), 42, 'PROCVIEW_RUN=7.ab')).toBe(true);
    for (const other of ['PROCVIEW_RUN=7.abc\0', 'XPROCVIEW_RUN=7.ab\0', 'A=PROCVIEW_RUN=7.ab\0', 'PROCVIEW_RUN=7.a\0', ''])
      expect(environHas(rootWith(other), 42, 'PROCVIEW_RUN=7.ab'), JSON.stringify(other)).toBe(false);
  });

  it('is undefined for a process that is gone', () => {
    expect(environHas(rootWith('A=1\0'), 43, 'A=1')).toBeUndefined();
  });

  it('reads a real process under /proc: the environment it was started with', async () => {
    const child = spawnGroup('sleep', ['30'], { env: { PROCVIEW_MARK: 'x1' } });
    await waitFor(() => readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').startsWith('sleep') || undefined, { what: 'sleep started' });
    expect(environHas('/proc', child.pid, 'PROCVIEW_MARK=x1')).toBe(true);
    expect(environHas('/proc', child.pid, 'PROCVIEW_MARK=x')).toBe(false);
  });
});
