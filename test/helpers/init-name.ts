// PID 1 as an event line names it: by its name as ps shows it (comm), or by
// its role, init, when procview did not read it (inspect/format/event-words.ts).
import { readFileSync } from 'node:fs';

const escaped = readFileSync('/proc/1/comm', 'utf8')
  .trim()
  .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular-expression source matching `1 (NAME)` for PID 1. */
export const INIT = `1 \\((init|${escaped})\\)`;
