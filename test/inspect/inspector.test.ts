// close(): the procfs backend keeps stat files open between refreshes; an
// inspector that is closed gives them back and refuses further snapshots.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createInspector } from '../../src/inspect/inspector.js';
import { waitFor } from '../helpers/processes.js';

function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

describe('Inspector.close', () => {
  it('releases the kept stat files and refuses later snapshots', async () => {
    const before = openDescriptors();
    const inspector = createInspector({ backend: 'procfs' });
    await inspector.snapshot();
    const second = await inspector.snapshot();
    // From the second scan on, stat files of live processes stay open.
    const kept = openDescriptors() - before;
    expect(kept).toBeGreaterThan(Math.min(second.procs.size, 10) / 2);
    inspector.close();
    await waitFor(() => openDescriptors() <= before + 2, { what: 'kept stat files to be closed' });
    await expect(inspector.snapshot()).rejects.toThrow(/closed/);
  });
});
