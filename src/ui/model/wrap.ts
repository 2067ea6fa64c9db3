// Word wrap for narration and chat lines, measured in terminal cells. Entries
// are sanitized before they are measured, so a control character cannot hide
// its width, and only once each: the pane is wrapped again on every draw.
import { sanitizeForCells } from '../../text/sanitize.js';
import { charWidth } from '../../text/width.js';
import { textLine, type Line } from './styled.js';
import { displayWidth, truncate } from './text.js';

/** Marks that must not start a line: they close or follow what is before them. */
const NO_BREAK_BEFORE = new Set([...'，。、；：？！）」』》〉】〕…—～％)]},.;:!?%']);
/** Marks that must not end a line: they open what follows. A space here is one gluing a number to its measure word (glueMeasures). */
const NO_BREAK_AFTER = new Set([...'（「『《〈【〔“‘([{ ']);
/** Measure words and units that follow a number in Chinese: `1 号进程`, `3 个`, `1.4 秒`, `7.8 倍`. */
const MEASURE_START = /^[号个秒次毫分小天倍条项行位字列级台]/u;
/** Chinese numerals, which a measure word follows with no space (`一个`, `几次`, `每秒`). */
const HAN_NUMBERS = new Set([...'一二两三四五六七八九十百千万几每']);

/**
 * Words with a number (`1`, `1.4`) and the measure word after it made one, so
 * a line never ends between them (`1` / `号进程`); the space stays. Not where
 * the two together would not fit on a line of their own (`fits`): apart, they
 * wrap whole rather than being cut.
 */
function glueMeasures(words: readonly string[], fits: (glued: string) => boolean): string[] {
  const out: string[] = [];
  for (const word of words) {
    const last = out.at(-1);
    const glued = last !== undefined && /\d$/u.test(last) && MEASURE_START.test(word) ? `${last} ${word}` : undefined;
    if (glued !== undefined && fits(glued)) out[out.length - 1] = glued;
    else out.push(word);
  }
  return out;
}

/**
 * A space-free word in the pieces a line may break between: next to a wide
 * (Han) character a line may break, as Chinese has no spaces, except before a
 * closing mark or after an opening one, and between a Chinese numeral and its
 * measure word (`一` / `个`); between two narrow characters never,
 * so a pid, `waitpid()` or a path from a placeholder stays whole.
 */
export function breakPieces(word: string): string[] {
  const pieces: string[] = [];
  let run = '';
  let previous = '';
  for (const char of word) {
    const mayBreak =
      run !== '' &&
      (charWidth(previous) === 2 || charWidth(char) === 2) &&
      !NO_BREAK_BEFORE.has(char) &&
      !NO_BREAK_AFTER.has(previous) &&
      !(HAN_NUMBERS.has(previous) && MEASURE_START.test(char));
    if (mayBreak) {
      pieces.push(run);
      run = '';
    }
    run += char;
    previous = char;
  }
  if (run !== '') pieces.push(run);
  return pieces;
}

/**
 * Sanitized plain text in, plain lines out (each at most `width` cells);
 * `indent` starts every line after the first. Lines break at spaces and,
 * in Chinese, between characters (breakPieces), never between a number and
 * its measure word.
 */
export function wordWrap(text: string, width: number, indent = ''): string[] {
  const room = Math.max(4, width);
  const lines: string[] = [];
  let line = '';
  // Glued, a number and its measure word break as one piece (breakPieces): that piece must fit a line.
  const fits = (glued: string): boolean => displayWidth(indent + (breakPieces(glued)[0] ?? glued)) <= room;
  for (const word of glueMeasures(text.split(' '), fits)) {
    const pieces = breakPieces(word);
    if (pieces.length === 0) pieces.push('');
    pieces.forEach((piece, index) => {
      const joiner = index === 0 ? ' ' : '';
      const candidate = line === '' ? piece : `${line}${joiner}${piece}`;
      if (displayWidth(candidate) <= room) {
        line = candidate;
        return;
      }
      if (line !== '') lines.push(line);
      // A piece longer than a line is cut hard rather than overflowing.
      line = displayWidth(indent + piece) <= room ? indent + piece : truncate(indent + piece, room);
    });
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

export type Tone = 'plain' | 'observed' | 'good' | 'problem' | 'admin' | 'dim';

export interface SideEntry {
  readonly text: string;
  readonly tone: Tone;
}

// Entries are appended and never changed, whichever source made them (a
// lesson, the chat room): each one's text is sanitized the first time it shows.
const cleanText = new WeakMap<SideEntry, string>();

function clean(entry: SideEntry): string {
  let text = cleanText.get(entry);
  if (text === undefined) {
    text = sanitizeForCells(entry.text);
    cleanText.set(entry, text);
  }
  return text;
}

/** The entries a `/` filter keeps (case-insensitive, on the sanitized text). */
export function filterSideEntries(entries: readonly SideEntry[], filter: string): readonly SideEntry[] {
  const needle = filter.trim().toLowerCase();
  return needle === '' ? entries : entries.filter((entry) => clean(entry).toLowerCase().includes(needle));
}

// How many lines each entry wraps to, at the width it was last counted at: the side pane's title
// counts every kept entry's lines on each draw (up to a thousand of a program's output lines).
const lineCounts = new WeakMap<SideEntry, { readonly width: number; readonly count: number }>();

/** Lines `entries` take wrapped to `width` (as sideLines wraps them). */
export function wrappedCount(entries: readonly SideEntry[], width: number): number {
  let count = 0;
  for (const entry of entries) {
    const known = lineCounts.get(entry);
    if (known !== undefined && known.width === width) {
      count += known.count;
      continue;
    }
    const lines = wordWrap(clean(entry), width, '  ').length;
    lineCounts.set(entry, { width, count: lines });
    count += lines;
  }
  return count;
}

/**
 * Entries (raw text) as inert lines wrapped to `width`: the `height` lines
 * that end `back` lines before the newest (0: the newest).
 */
export function sideLines(entries: readonly SideEntry[], width: number, height: number, back = 0): Line[] {
  const out: Line[] = [];
  // Only as many entries from the end as can possibly show (each is at least one line).
  for (const entry of entries.slice(-Math.max(1, height + back))) {
    const role = entry.tone === 'plain' ? undefined : entry.tone;
    for (const text of wordWrap(clean(entry), width, '  ')) out.push(textLine(text, role));
  }
  const end = out.length - Math.min(back, Math.max(0, out.length - height));
  return out.slice(Math.max(0, end - Math.max(0, height)), end);
}
