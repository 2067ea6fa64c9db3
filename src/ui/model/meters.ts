// The header meters, htop's way: a bar per CPU split into nice, user and
// kernel time, Mem and Swp bars with used/total; on a short or narrow
// terminal (or with many CPUs) one compact line: all CPUs, Mem, Swp. Bars
// are spans with roles; the theme colours them (or, in monochrome, draws each
// part with its own character).
import type { CpuUsage, MemoryFigures, Meters } from '../../inspect/procfs/meters.js';
import { line, lineWidth, span, textLine, type Line, type Span } from './styled.js';
import { t } from '../../text/i18n/message.js';
import { displayWidth } from '../../text/width.js';
import { fit } from './text.js';

export interface MeterShape {
  /** Header rows the meters take (0: none). */
  readonly rows: number;
  /** CPU bars side by side (full form). */
  readonly columns: number;
  readonly compact: boolean;
}

/** The full form needs this much (README: one compact line under 30 rows or 100 columns). */
const FULL_ROWS = 30;
const FULL_COLUMNS = 100;

/** How the meters fit `width` x `height` with `cpus` CPUs. */
export function meterShape(cpus: number, width: number, height: number): MeterShape {
  if (height < 20 || cpus <= 0) return { rows: 0, columns: 1, compact: true };
  const compact = { rows: 1, columns: 1, compact: true };
  if (height < FULL_ROWS || width < FULL_COLUMNS) return compact;
  // No more bars side by side than there are CPUs: two CPUs at 160 columns each take half the
  // width, as Mem and Swp below them do (with four columns they filled only the left half).
  const columns = Math.min(cpus, width >= 160 ? 4 : 2);
  // Mem and Swp share the last row.
  const rows = Math.ceil(cpus / columns) + 1;
  return rows <= Math.floor(height / 6) ? { rows, columns, compact: false } : compact;
}

/** htop's sizes: kB in, `512K`, `300M`, `1.23G`. */
export function sizeWords(kb: number | undefined): string {
  if (kb === undefined) return '?';
  if (kb < 1024) return `${kb}K`;
  if (kb < 1024 * 1024) return `${Math.round(kb / 1024)}M`;
  return `${(kb / (1024 * 1024)).toFixed(2)}G`;
}

interface Part {
  readonly share: number;
  readonly role: 'cpu-nice' | 'cpu-user' | 'cpu-system' | 'mem-used' | 'swap-used';
}

/** `label[||||||    text]` in exactly `width` cells; parts fill the bar in order. */
export function bar(label: string, parts: readonly Part[], text: string, width: number): Line {
  const inner = width - displayWidth(label) - 2;
  if (inner < text.length + 1) return textLine(fit(`${label} ${text}`, width));
  const room = inner - text.length;
  const spans: Span[] = [span(label, 'label'), span('[')];
  let used = 0;
  let sum = 0;
  for (const part of parts) {
    sum += Math.max(0, part.share);
    // Cumulative rounding: the parts add up to the rounded whole.
    const upTo = Math.min(room, Math.round(sum * room));
    if (upTo > used) spans.push(span('|'.repeat(upTo - used), part.role));
    used = Math.max(used, upTo);
  }
  spans.push(span(' '.repeat(room - used)), span(text, 'dim'), span(']'));
  return line(spans);
}

function percentWords(usage: CpuUsage | undefined): string {
  return usage === undefined ? '?' : `${(usage.busy * 100).toFixed(1)}%`;
}

function cpuBar(label: string, usage: CpuUsage | undefined, width: number): Line {
  const parts: Part[] =
    usage === undefined
      ? []
      : [
          { share: usage.nice, role: 'cpu-nice' },
          { share: usage.user, role: 'cpu-user' },
          { share: usage.system, role: 'cpu-system' },
        ];
  return bar(label, parts, percentWords(usage), width);
}

function memoryBar(label: string, total: number | undefined, free: number | undefined, role: 'mem-used' | 'swap-used', width: number): Line {
  const used = total === undefined || free === undefined ? undefined : Math.max(0, total - free);
  const share = used === undefined || total === undefined || total === 0 ? 0 : used / total;
  return bar(label, [{ share, role }], `${sizeWords(used)}/${sizeWords(total)}`, width);
}

// 内存 / 交换 (交换分区 cut to two characters): four cells against Mem's three, one bar cell less.
const memBar = (memory: MemoryFigures, width: number, label = t('ui.meter.mem')): Line =>
  memoryBar(label, memory.totalKb, memory.availableKb, 'mem-used', width);
const swapBar = (memory: MemoryFigures, width: number, label = t('ui.meter.swap')): Line =>
  memoryBar(label, memory.swapTotalKb, memory.swapFreeKb, 'swap-used', width);

/** Joins lines side by side, one space between, padded to `width` (a short last row of CPUs). */
function beside(parts: readonly Line[], width: number): Line {
  const spans: Span[] = [];
  parts.forEach((part, i) => {
    if (i > 0) spans.push(span(' '));
    spans.push(...part.spans);
  });
  const used = lineWidth(line(spans));
  if (used < width) spans.push(span(' '.repeat(width - used)));
  return line(spans);
}

export function meterLines(meters: Meters | undefined, shape: MeterShape, width: number): Line[] {
  if (shape.rows === 0 || meters === undefined) return [];
  const total = meters.cpus.find((c) => c.name === 'cpu');
  if (shape.compact) {
    const third = Math.floor((width - 2) / 3);
    return [beside([cpuBar('CPU', total, third), memBar(meters.memory, third), swapBar(meters.memory, width - 2 - 2 * third)], width)];
  }
  const columns = shape.columns;
  const columnWidth = Math.floor((width - (columns - 1)) / columns);
  // The last column takes what the division left, so the bars end at the right edge as Swp's does.
  const lastWidth = width - (columns - 1) * (columnWidth + 1);
  const labelWidth = String(Math.max(0, meters.cpuCount - 1)).length;
  const out: Line[] = [];
  for (let first = 0; first < meters.cpuCount; first += columns) {
    const cells: Line[] = [];
    for (let i = first; i < Math.min(meters.cpuCount, first + columns); i += 1) {
      cells.push(
        cpuBar(
          String(i).padStart(labelWidth),
          meters.cpus.find((c) => c.name === `cpu${i}`),
          i - first === columns - 1 ? lastWidth : columnWidth,
        ),
      );
    }
    out.push(beside(cells, width));
  }
  const half = Math.floor((width - 1) / 2);
  out.push(beside([memBar(meters.memory, half), swapBar(meters.memory, width - 1 - half)], width));
  return out.slice(0, shape.rows);
}
