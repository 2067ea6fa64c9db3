// `import { createInspector, diffSnapshots, buildTree } from 'procview'` from
// inside the checkout: package self-reference through `exports`, on the build.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runNode } from './helpers/run-cli.js';

beforeAll(ensureBuilt);

const SCRIPT = `
const lib = await import('procview');
const { createInspector, diffSnapshots, buildTree, findSubtree, sanitizeForDisplay, formatTree } = lib;
const inspector = createInspector();
const first = await inspector.snapshot();
const second = await inspector.snapshot();
const me = findSubtree(buildTree(second), process.pid);
console.log(JSON.stringify({
  exports: Object.keys(lib).sort(),
  backend: inspector.backend,
  me: me?.proc.pid,
  myParent: second.procs.get(process.pid)?.ppid,
  events: diffSnapshots(first, first),
  tree: formatTree(me === undefined ? [] : [me]),
  clean: sanitizeForDisplay('a\\u001bb'),
}));
`;

describe('the procview package', () => {
  it('can be imported by name from the repo root', async () => {
    const { code, stdout, stderr } = await runNode(['--input-type=module', '-e', SCRIPT]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result.exports).toEqual(expect.arrayContaining(['createInspector', 'diffSnapshots', 'buildTree', 'sanitizeForDisplay']));
    expect(result).toMatchObject({
      backend: process.platform === 'linux' ? 'procfs' : expect.any(String),
      myParent: process.pid,
      events: [],
      tree: ['node'],
      clean: 'a?b',
    });
    expect(typeof result.me).toBe('number');
  });
});
