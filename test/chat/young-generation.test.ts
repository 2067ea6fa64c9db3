// The chat server's V8 settings, in a Node process of their own (they are
// process-wide): the same short-lived garbage grows the young generation far
// beyond where it stays without them. If a Node release stops honouring the
// flags at run time, this fails.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runNode } from '../helpers/run-cli.js';

const MODULE = fileURLToPath(new URL('../../dist/chat/young-generation.js', import.meta.url));

// A million small objects, about a thousand alive at a time: the room's pattern
// (garbage per delivery, little kept). Prints new space's size after.
const CHURN = `
import { getHeapSpaceStatistics } from 'node:v8';
if (process.argv[1] === 'tuned') (await import(process.argv[2])).tuneYoungGeneration();
let kept = [];
for (let i = 0; i < 1_000_000; i++) {
  kept.push({ i });
  if (kept.length > 1000) kept = [];
}
console.log(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size);
`;

async function newSpaceAfterChurn(mode: 'tuned' | 'default'): Promise<number> {
  const result = await runNode(['--input-type=module', '-e', CHURN, mode, MODULE]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return Number(result.stdout.trim());
}

describe('tuneYoungGeneration', () => {
  beforeAll(ensureBuilt);

  it('lets the young generation grow to a size that makes scavenges rarer', async () => {
    const untuned = await newSpaceAfterChurn('default');
    const tuned = await newSpaceAfterChurn('tuned');
    expect(untuned).toBeGreaterThan(0);
    // Without the flags it doubles step by step (4 MiB here); with them the first growth goes to the most the heap allows.
    expect(tuned).toBeGreaterThanOrEqual(4 * untuned);
  });
});
