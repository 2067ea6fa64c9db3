// The columns the ps backend asks for, per platform. Every column gets a header
// wider than any value it can hold (pids up to 4194304, 63-byte kernel thread
// names), so no value overflows its column and shifts the ones after it: the
// command name, which may hold spaces, then ends at a fixed number of
// terminal cells, and the arguments take the rest of the line.

export type ColumnField =
  | 'pid'
  | 'ppid'
  | 'pgid'
  | 'sid'
  | 'tpgid'
  | 'nice'
  | 'policy'
  | 'priority'
  | 'threads'
  | 'uid'
  | 'rss'
  | 'vsz'
  | 'mem'
  | 'tty'
  | 'stat'
  | 'user'
  | 'time'
  | 'lstart'
  | 'comm'
  | 'args';

export interface Column {
  readonly field: ColumnField;
  /** The ps keyword. */
  readonly keyword: string;
  /** Minimum width, set through the header's length. */
  readonly width: number;
}

/** Width of the command-name column: Linux kernel thread names reach 63 bytes. */
export const COMM_WIDTH = 64;

const NUMBER = 10;

function column(field: ColumnField, keyword: string, width = NUMBER): Column {
  return { field, keyword, width };
}

// Fields without blanks come first (split on whitespace), then lstart (always
// five words), then the command name (fixed width) and the arguments (the rest).
const LINUX: readonly Column[] = [
  column('pid', 'pid'),
  column('ppid', 'ppid'),
  column('pgid', 'pgid'),
  column('sid', 'sid'),
  column('tpgid', 'tpgid'),
  column('nice', 'ni'),
  // procps names the scheduling policy (TS, FF, RR, B, IDL, DLN) and prints NI as `-` where it gives nice no say.
  column('policy', 'policy'),
  // procps `priority` is stat field 18 as is; `pri` would be 39 - it.
  column('priority', 'priority'),
  column('threads', 'nlwp'),
  column('uid', 'uid'),
  column('rss', 'rss'),
  column('vsz', 'vsz'),
  column('mem', '%mem'),
  column('tty', 'tty', 16),
  column('stat', 'stat', 12),
  column('user', 'user', 32),
  column('time', 'time', 16),
  column('lstart', 'lstart', 24),
  column('comm', 'ucomm', COMM_WIDTH),
  column('args', 'args', 0),
];

// macOS ps has no session id, thread count or policy column; `pri` is its priority.
const DARWIN: readonly Column[] = LINUX.filter((c) => c.field !== 'sid' && c.field !== 'threads' && c.field !== 'policy').map((c) =>
  c.field === 'priority' ? column('priority', 'pri') : c,
);

// FreeBSD has both `sid` and `nlwp` but no policy column (its `class` is the login class); `pri` is its priority.
const FREEBSD: readonly Column[] = LINUX.filter((c) => c.field !== 'policy').map((c) => (c.field === 'priority' ? column('priority', 'pri') : c));

export function columnsFor(platform: NodeJS.Platform): readonly Column[] {
  if (platform === 'linux') return LINUX;
  if (platform === 'freebsd') return FREEBSD;
  return DARWIN;
}

/** `ps -axww -o kw=HEADER …`: one -o per column, so no header swallows the next keyword. */
export function psArguments(columns: readonly Column[]): string[] {
  const args = ['-axww'];
  for (const c of columns) {
    const name = c.field.toUpperCase();
    const header = c.width === 0 ? '' : name.padEnd(c.width, '_');
    args.push('-o', `${c.keyword}=${header}`);
  }
  return args;
}
