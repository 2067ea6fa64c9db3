// The detail pane: every field of the selected process, STAT letter by letter
// in words, its ancestors up to PID 1, its children and its command line.
import { kibCell, numberCell } from '../../inspect/format/values.js';
import type { ProcInfo, Snapshot } from '../../inspect/types.js';
import { clock, cpuTime, memPercent, percent, priority } from './cells.js';
import type { ProcRow } from './rows.js';
import { childrenIndex } from './scope.js';
import { statWords } from '../../inspect/stat-words.js';
import { escapeTags, inert, inertFit } from './text.js';
import { wordWrap } from './wrap.js';

function named(snapshot: Snapshot, pid: number | undefined): string {
  if (pid === undefined) return '?';
  const comm = snapshot.procs.get(pid)?.comm;
  return comm === undefined ? String(pid) : `${pid} (${comm})`;
}

/** PID 1 first, the process last; stops at a missing parent or a loop. */
export function ancestry(snapshot: Snapshot, proc: ProcInfo): number[] {
  const chain = [proc.pid];
  let ppid = proc.ppid;
  while (ppid !== undefined && ppid > 0 && !chain.includes(ppid)) {
    chain.unshift(ppid);
    ppid = snapshot.procs.get(ppid)?.ppid;
  }
  return chain;
}

// The pane is drawn on every key and frame; a snapshot never changes, so its
// children are indexed (and sorted by pid) once, not scanned per draw.
const childrenBySnapshot = new WeakMap<Snapshot, ReadonlyMap<number, readonly number[]>>();

export function childrenOf(snapshot: Snapshot, pid: number): readonly number[] {
  let index = childrenBySnapshot.get(snapshot);
  if (index === undefined) {
    const built = childrenIndex(snapshot.procs.values());
    for (const pids of built.values()) pids.sort((a, b) => a - b);
    index = built;
    childrenBySnapshot.set(snapshot, index);
  }
  return index.get(pid) ?? [];
}

/** Cuts plain text into lines of at most `width` cells (for the command line). */
function chunks(text: string, width: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out.length === 0 ? [''] : out;
}

const label = (text: string): string => `{bold}${text}{/bold}`;

function startedWords(startTime: number | undefined, now: number | undefined): string {
  if (startTime === undefined) return '-';
  const age = now === undefined ? '' : ` (${Math.max(0, Math.round((now - startTime) / 1000))} s ago)`;
  return `${clock(startTime)}${age}`;
}

/** `now`: wall-clock ms of the snapshot, for the age; undefined leaves the age out. */
export function detailLines(row: ProcRow | undefined, snapshot: Snapshot | undefined, width: number, now: number | undefined): string[] {
  // Rows come from a snapshot: before the first one there is nothing to select.
  if (row === undefined || snapshot === undefined) return ['No process selected.'];
  const p = row.proc;
  const status = row.mark === 'dead' ? ' {red-fg}exited{/red-fg}' : row.mark === 'new' ? ' {green-fg}new{/green-fg}' : '';
  const lines = [
    `${label('PID')} ${p.pid}  ${inert(p.comm ?? '?')}${status}`,
    `${label('STAT')} ${inert(p.stat ?? '-')}`,
    ...statWords(p.stat).flatMap((part) =>
      wordWrap(`${part.code}  ${part.words}`, width - 2, '   ').map((line) => `  ${escapeTags(line)}`),
    ),
    `${label('PPID')} ${inert(named(snapshot, p.ppid))}  ${label('PGID')} ${numberCell(p.pgid)}  ${label('SID')} ${numberCell(p.sid)}`,
    `${label('TTY')} ${inert(p.tty ?? '-')}  ${label('TPGID')} ${numberCell(p.tpgid)}`,
    `${label('NI')} ${numberCell(p.nice)}  ${label('PRI')} ${priority(p.priority)}  ${label('THR')} ${numberCell(p.threads)}`,
    `${label('USER')} ${inert(p.user ?? '-')} (uid ${numberCell(p.uid)})`,
    `${label('%CPU')} ${percent(p.cpuPercent)}  ${label('%MEM')} ${memPercent(p)}  ${label('TIME')} ${cpuTime(p.timeSeconds)}`,
    `${label('RSS')} ${kibCell(p.rssBytes)} KiB  ${label('VSZ')} ${kibCell(p.vszBytes)} KiB`,
    `${label('Started')} ${startedWords(p.startTime, now)}`,
  ];
  if (p.pid === p.sid) lines.push('  leads its session');
  if (p.pid === p.pgid) lines.push('  leads its process group');
  const chain = ancestry(snapshot, p).map((pid) => (pid === p.pid ? `${pid}` : named(snapshot, pid)));
  lines.push(label('Ancestors'), ...wrapList(chain.map(inert), ' → ', width));
  const kids = row.mark === 'dead' ? [] : childrenOf(snapshot, p.pid).map((pid) => inert(named(snapshot, pid)));
  lines.push(`${label('Children')} ${kids.length === 0 ? 'none' : kids.length}`, ...wrapList(kids, ', ', width));
  lines.push(label('Command line'));
  const args = p.args === undefined ? '(unreadable)' : p.args === '' ? '(none: kernel thread or zombie)' : p.args;
  for (const chunk of chunks(args, Math.max(8, width - 2))) lines.push(`  ${inertFit(chunk, width - 2)}`);
  return lines;
}

/** Joins already-inert items into indented lines no wider than `width` (by characters; items are short). */
function wrapList(items: readonly string[], separator: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line}${separator}${item}`;
    if (line !== '' && next.length + 2 > width) {
      out.push(`  ${line}${separator.trimEnd()}`);
      line = item;
    } else line = next;
  }
  if (line !== '') out.push(`  ${line}`);
  return out;
}
