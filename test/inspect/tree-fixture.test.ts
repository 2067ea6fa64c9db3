// buildTree and the tree text on a fixture /proc read by the real procfs backend.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTree } from '../../src/inspect/format/tree-text.js';
import { createInspector } from '../../src/inspect/inspector.js';
import { buildTree, findSubtree } from '../../src/inspect/tree.js';

const procRoot = fileURLToPath(new URL('../fixtures/proc/tree-before', import.meta.url));

describe('buildTree on test/fixtures/proc/tree-before', () => {
  it('gives the forest pstree would draw: sorted by name, identical sleeping leaves folded, chains on one line', async () => {
    const forest = buildTree(await createInspector({ backend: 'procfs', procRoot }).snapshot());
    expect(formatTree(forest)).toEqual([
      'init───bash─┬─done <defunct>',
      '            ├─job',
      '            ├─make',
      '            ├─nicey',
      '            ├─old',
      '            ├─sh───sleep',
      '            ├─3*[sleep]',
      '            ├─vim',
      '            └─worker',
      'kthreadd───kworker/0:0',
      'lost',
    ]);
  });

  it('shows pids with -p and finds the subtree of a pid', async () => {
    const forest = buildTree(await createInspector({ backend: 'procfs', procRoot }).snapshot());
    const sh = findSubtree(forest, 110);
    expect(sh === undefined ? [] : formatTree([sh], { pids: true })).toEqual(['sh(110)───sleep(111)']);
    expect(findSubtree(forest, 499)).toBeUndefined();
  });
});
