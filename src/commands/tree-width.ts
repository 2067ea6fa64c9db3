// The width `procview tree` cuts its lines at, found as psmisc pstree finds it
// (get_output_width): COLUMNS when it is a whole number above 0 (read as C's
// strtol with base 0 reads it: `0x84` is hex, `0204` octal), else the width
// of the terminal on stdout, else 132 (a pipe, a file).
const PSTREE_DEFAULT_WIDTH = 132;

/**
 * COLUMNS as strtol(text, &end, 0) reads it when the whole text is the number; undefined otherwise.
 * procps ps reads it the same way (ps/global.c), for `procview ps` (args.ts fitToTerminal).
 */
export function columnsFromEnv(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const match = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/u.exec(text);
  if (match === null) return undefined;
  const digits = match[2] ?? '';
  const magnitude = /^0[xX]/u.test(digits) ? Number.parseInt(digits.slice(2), 16) : digits.startsWith('0') ? Number.parseInt(digits, 8) : Number(digits);
  const value = match[1] === '-' ? -magnitude : magnitude;
  return value > 0 && value < 0x7fffffff ? value : undefined;
}

/** `columns`: the terminal's width when stdout is one (undefined or 0 otherwise). */
export function treeOutputWidth(env: NodeJS.ProcessEnv, columns: number | undefined): number {
  return columnsFromEnv(env.COLUMNS) ?? (columns !== undefined && columns > 0 ? columns : PSTREE_DEFAULT_WIDTH);
}
