// Field-by-field comparison of an inspector's records with procps `ps -o …`
// for the same pids. ps runs between two snapshots; a field matches when ps
// agrees with either of them (a sleeping process's figures do not move, but
// a field may legitimately change between two readings).
import { expect } from 'vitest';
import type { Inspector, ProcInfo, Snapshot } from '../../../src/inspect/types.js';
import { sanitizeForDisplay } from '../../../src/text/sanitize.js';
import type { Spawned } from './kinds.js';
import { parseLstartText, psColumns } from './ps-oracle.js';

type Check = (ours: ProcInfo, ps: string) => boolean;

const int = (value: number | undefined, ps: string): boolean => value !== undefined && String(value) === ps;
const text = (value: string | undefined, ps: string): boolean => value !== undefined && sanitizeForDisplay(value) === ps;

/** ps column keyword → how our record must match what ps printed. */
export const CHECKS: Readonly<Record<string, Check>> = {
  ppid: (p, ps) => int(p.ppid, ps),
  pgid: (p, ps) => int(p.pgid, ps),
  sid: (p, ps) => int(p.sid, ps),
  tpgid: (p, ps) => int(p.tpgid, ps),
  tty: (p, ps) => p.tty === ps,
  stat: (p, ps) => p.stat === ps,
  ni: (p, ps) => int(p.nice, ps),
  // procps `priority` is stat field 18 as is (`pri` is 39 minus it).
  priority: (p, ps) => int(p.priority, ps),
  nlwp: (p, ps) => int(p.threads, ps),
  uid: (p, ps) => int(p.uid, ps),
  user: (p, ps) => p.user === ps,
  comm: (p, ps) => text(p.comm, ps),
  // ps shows a missing command line as `[comm]` (`[comm] <defunct>` for a zombie); ours is ''.
  args: (p, ps) =>
    p.args === '' ? ps === `[${sanitizeForDisplay(p.comm ?? '')}]` || ps === `[${sanitizeForDisplay(p.comm ?? '')}] <defunct>` : text(p.args, ps),
  rss: (p, ps) => p.rssBytes !== undefined && p.rssBytes === Number(ps) * 1024,
  vsz: (p, ps) => p.vszBytes !== undefined && p.vszBytes === Number(ps) * 1024,
  cputimes: (p, ps) => p.timeSeconds !== undefined && Math.floor(p.timeSeconds) === Number(ps),
  // ps truncates to whole seconds; allow the second either side for a clock edge.
  lstart: (p, ps) => p.startTime !== undefined && Math.abs(p.startTime - parseLstartText(ps)) < 1000,
  // %MEM to one decimal, truncated.
  '%mem': (p, ps) => p.memPercent !== undefined && Math.abs(p.memPercent - Number(ps)) < 0.1 + 1e-9,
};

/**
 * Fails when a field disagrees with ps. A live process's memory and CPU time
 * may move between the readings (a Node process's rss does while it starts):
 * the comparison is taken again until it agrees or the deadline passes, so a
 * real disagreement still fails and a moving figure does not.
 */
export async function compareWithPs(inspector: Inspector, spawned: readonly Spawned[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let mismatches = await mismatchesWithPs(inspector, spawned);
  while (mismatches.length > 0 && Date.now() < deadline) mismatches = await mismatchesWithPs(inspector, spawned);
  expect(mismatches).toEqual([]);
}

async function mismatchesWithPs(inspector: Inspector, spawned: readonly Spawned[]): Promise<string[]> {
  const pids = spawned.map((s) => s.pid);
  const before = await inspector.snapshot();
  const columns = await psColumns(pids, Object.keys(CHECKS));
  const after = await inspector.snapshot();
  const mismatches: string[] = [];
  for (const { label, pid } of spawned) {
    for (const [keyword, check] of Object.entries(CHECKS)) {
      const ps = columns.get(keyword)?.get(pid);
      const ours = [before, after].map((s: Snapshot) => s.procs.get(pid));
      if (ps === undefined) {
        mismatches.push(`${label} (${pid}): ps printed no ${keyword}`);
        continue;
      }
      if (!ours.some((p) => p !== undefined && check(p, ps))) {
        const shown = ours.map((p) => JSON.stringify(p === undefined ? 'absent' : pick(p, keyword))).join(' / ');
        mismatches.push(`${label} (${pid}) ${keyword}: ps ${JSON.stringify(ps)}, ours ${shown}`);
      }
    }
  }
  return mismatches;
}

function pick(p: ProcInfo, keyword: string): unknown {
  const field: Record<string, keyof ProcInfo> = {
    ni: 'nice',
    nlwp: 'threads',
    rss: 'rssBytes',
    vsz: 'vszBytes',
    cputimes: 'timeSeconds',
    lstart: 'startTime',
    '%mem': 'memPercent',
  };
  return p[field[keyword] ?? (keyword as keyof ProcInfo)];
}
