// Hand-made processes and snapshots for the view-model tests.
import type { MaybeForkMarked } from '../../../src/inspect/fork-mark.js';
import type { ProcInfo } from '../../../src/inspect/types.js';
import type { Line } from '../../../src/ui/model/styled.js';
import { proc as baseProc } from '../../inspect/diff-builders.js';

/** A process `pid` under `ppid`, with the view-model tests' own defaults over the shared builder's. */
export function proc(pid: number, ppid: number, fields: Partial<ProcInfo> & MaybeForkMarked = {}): ProcInfo {
  return baseProc({
    pid,
    ppid,
    user: 'ann',
    cpuPercent: 0,
    memPercent: 0.1,
    rssBytes: 4096 * 1024,
    vszBytes: 8192 * 1024,
    timeSeconds: 1,
    comm: `p${pid}`,
    args: `p${pid} --run`,
    ...fields,
  });
}

export { snapshot } from '../../inspect/diff-builders.js';

/** A line as text with its roles marked `<role>…</role>` (the look is the theme's business). */
export function marked(line: Line): string {
  const inner = line.spans.map((s) => (s.role === undefined ? s.text : `<${s.role}>${s.text}</${s.role}>`)).join('');
  return line.role === undefined ? inner : `<${line.role}>${inner}</${line.role}>`;
}

export function markedAll(lines: readonly Line[] | undefined): string[] {
  return (lines ?? []).map(marked);
}
