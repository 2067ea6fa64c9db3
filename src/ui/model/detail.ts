// The detail pane: every field of the selected process, STAT letter by letter
// in words, its ancestors up to PID 1, its children and its command line.
import { forkedNoExec } from '../../inspect/fork-mark.js';
import { kibCell, niceCell, numberCell, statCell, textCell } from '../../inspect/format/values.js';
import { isKernelThreadRecord } from '../../inspect/kernel-thread.js';
import type { ProcInfo, Snapshot } from '../../inspect/types.js';
import { clock, cpuTime, memPercent, percent, priority } from './cells.js';
import type { ProcRow } from './rows.js';
import { childrenIndex } from '../../inspect/scope.js';
import { policyWords } from '../../inspect/sched-policy.js';
import { statWords } from '../../inspect/stat-words.js';
import { line, span, textLine, type Line, type Span } from './styled.js';
import { chunksByWidth, displayWidth, inert, truncate } from './text.js';
import { durationWords } from '../../text/duration.js';
import { t } from '../../text/i18n/message.js';
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

const label = (text: string): Span => span(text, 'label');
const plain = (text: string): Span => span(text);

function startedWords(startTime: number | undefined, now: number | undefined): string {
  if (startTime === undefined) return '-';
  const age = now === undefined ? '' : t('ui.detail.ago', { age: durationWords((now - startTime) / 1000) });
  return `${clock(startTime)}${age}`;
}

/** `now`: wall-clock ms of the snapshot, for the age; undefined leaves the age out. */
export function detailLines(row: ProcRow | undefined, snapshot: Snapshot | undefined, width: number, now: number | undefined): Line[] {
  // Rows come from a snapshot: before the first one there is nothing to select.
  if (row === undefined || snapshot === undefined) return [textLine(t('ui.detail.none'))];
  const p = row.proc;
  const status = row.mark === 'dead' ? [span(t('ui.detail.exited'), 'dead')] : row.mark === 'new' ? [span(t('ui.detail.new'), 'new')] : [];
  const lines: Line[] = [
    line([label('PID'), plain(` ${p.pid}  ${inert(p.comm ?? '?')}`), ...status]),
    // Unknown as the list shows it (format/values.ts): STAT falls back to the state letter, the rest to `?`.
    line([label('STAT'), plain(` ${statCell(p)}`)]),
    ...statWords(p.stat ?? p.state).flatMap((part) => wordWrap(`${inert(part.code)}  ${part.words}`, width - 2, '   ').map((text) => textLine(`  ${text}`))),
    line([
      label('PPID'),
      plain(` ${inert(named(snapshot, p.ppid))}  `),
      label('PGID'),
      plain(` ${numberCell(p.pgid)}  `),
      label('SID'),
      plain(` ${numberCell(p.sid)}`),
    ]),
    line([label('TTY'), plain(` ${textCell(p.tty)}  `), label('TPGID'), plain(` ${numberCell(p.tpgid)}`)]),
    line([label('NI'), plain(` ${niceCell(p)}  `), label('PRI'), plain(` ${priority(p.priority)}  `), label('THR'), plain(` ${numberCell(p.threads)}`)]),
    // Field 41, with what it means: it says whether nice counts (NI `-` where it does not).
    line([label('POLICY'), plain(` ${p.policy ?? '?'}`)]),
    ...(p.policy === undefined ? [] : wordWrap(policyWords(p.policy), width - 2, '  ').map((text) => textLine(`  ${text}`))),
    line([label('USER'), plain(` ${textCell(p.user)} (uid ${numberCell(p.uid)})`)]),
    line([
      label('%CPU'),
      plain(` ${percent(p.cpuPercent)}  `),
      label('%MEM'),
      plain(` ${memPercent(p)}  `),
      label('TIME'),
      plain(` ${cpuTime(p.timeSeconds)}`),
    ]),
    line([label('RSS'), plain(` ${kibCell(p.rssBytes)} KiB  `), label('VSZ'), plain(` ${kibCell(p.vszBytes)} KiB`)]),
    line([label(t('ui.detail.started')), plain(` ${startedWords(p.startTime, now)}`)]),
  ];
  if (p.pid === p.sid) lines.push(textLine(t('ui.detail.sessionLeader')));
  if (p.pid === p.pgid) lines.push(textLine(t('ui.detail.groupLeader')));
  // PF_FORKNOEXEC in stat field 9 (fork-mark.ts; ps's F 1). A kernel thread has it too: it never execs at all.
  if (forkedNoExec(p) === true && !isKernelThreadRecord(p)) {
    lines.push(...wordWrap(t('ui.detail.forkedNoExec'), width - 2, '  ').map((text) => textLine(`  ${text}`)));
  }
  const chain = ancestry(snapshot, p).map((pid) => (pid === p.pid ? `${pid}` : named(snapshot, pid)));
  lines.push(line([label(t('ui.detail.ancestors'))]), ...wrapList(chain.map(inert), ' → ', width));
  const kids = row.mark === 'dead' ? [] : childrenOf(snapshot, p.pid).map((pid) => inert(named(snapshot, pid)));
  lines.push(line([label(t('ui.detail.children')), plain(` ${kids.length === 0 ? t('ui.detail.noChildren') : kids.length}`)]), ...wrapList(kids, ', ', width));
  lines.push(line([label(t('ui.detail.commandLine'))]));
  const args = p.args === undefined ? t('ui.detail.unreadable') : p.args === '' ? t('ui.detail.noArgs') : p.args;
  for (const chunk of chunksByWidth(inert(args), Math.max(8, width - 2))) lines.push(textLine(`  ${chunk}`));
  return lines;
}

/** Joins already-inert items into indented lines no wider than `width` cells (an item longer than that is cut). */
function wrapList(items: readonly string[], separator: string, width: number): Line[] {
  const out: Line[] = [];
  let current = '';
  for (const item of items) {
    const next = current === '' ? item : `${current}${separator}${item}`;
    if (current !== '' && displayWidth(next) + 2 > width) {
      out.push(textLine(truncate(`  ${current}${separator.trimEnd()}`, width)));
      current = item;
    } else current = next;
  }
  if (current !== '') out.push(textLine(truncate(`  ${current}`, width)));
  return out;
}
