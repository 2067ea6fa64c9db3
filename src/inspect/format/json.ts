// JSON for scripts, one style for every command: a document is an object
// `{ "version": 1, "kind": …, … }` (ps, tree; a stream such as `events --json`
// writes one such object per line). JSON.stringify drops `undefined`, which
// would make a field vanish exactly when it is unknown; instead every ProcInfo
// field is always present, and unknown is `null`. Text stays raw (JSON escapes
// controls itself), so a script sees the real name.
import type { ProcInfo, Snapshot, ThreadInfo, TreeNode } from '../types.js';
import { psClock, psCpuPermille, psTenths, UNKNOWN } from './values.js';

/** Bumped on any change a script could trip over (a field renamed, removed or changing meaning). */
export const JSON_VERSION = 1;

/** What every JSON document and every line of a JSON stream starts with. */
export interface JsonEnvelope<K extends string> {
  readonly version: typeof JSON_VERSION;
  readonly kind: K;
}

/**
 * `{ version, kind, ...body }`: the one shape of procview's JSON output. The
 * envelope's two fields come first and keep their values whatever the body
 * holds (a replayed recording's header is the writer's text, and has a
 * `version` of its own).
 */
export function envelope<K extends string, B extends object>(kind: K, body: B): JsonEnvelope<K> & B {
  const head: JsonEnvelope<K> = { version: JSON_VERSION, kind };
  return Object.assign({ ...head }, body, head);
}

/**
 * What `cpuPercent` means in a document: `lifetime` is ps's %CPU (CPU time
 * over the time since the process started: a one-shot listing has it),
 * `interval` is top's (CPU time over the wall time since the previous
 * snapshot: undefined on first sight).
 */
export type CpuPercentBasis = 'lifetime' | 'interval';

export interface ProcJsonOptions {
  /** Default `interval`: the record's own cpuPercent. */
  readonly cpuPercent?: CpuPercentBasis;
  /** For `lifetime`: the instant the record was read, on ps's clock (psClock of its snapshot). */
  readonly now?: number;
}

/** Every ProcInfo field, in the order of types.ts. */
export const PROC_FIELDS = [
  'pid',
  'ppid',
  'pgid',
  'sid',
  'tty',
  'tpgid',
  'state',
  'stat',
  'nice',
  'priority',
  'threads',
  'policy',
  'uid',
  'user',
  'startTime',
  'cpuPercent',
  'memPercent',
  'rssBytes',
  'vszBytes',
  'timeSeconds',
  'comm',
  'args',
] as const satisfies readonly (keyof ProcInfo)[];

// Fails to compile when ProcInfo gains a field that PROC_FIELDS lacks.
type MissingField = Exclude<keyof ProcInfo, (typeof PROC_FIELDS)[number]>;
const allFieldsListed: [MissingField] extends [never] ? true : MissingField = true;
void allFieldsListed;

export type ProcJson = { [K in keyof ProcInfo]-?: Exclude<ProcInfo[K], undefined> | null };

/**
 * Every field, unknown as null; `tty` null when the process has no terminal
 * (ps's `?`); %CPU and %MEM truncated to tenths as procps computes them (ps
 * also drops the decimal from 100 up to fit its column; JSON keeps it);
 * TIME to the clock tick (10 ms).
 */
export function procToJson(proc: ProcInfo, options: ProcJsonOptions = {}): ProcJson {
  const out: Record<string, unknown> = {};
  for (const field of PROC_FIELDS) out[field] = proc[field] ?? null;
  if (proc.tty === UNKNOWN) out.tty = null;
  const cpu = options.cpuPercent === 'lifetime' ? psCpuPermille(proc, options.now ?? Date.now()) : tenfold(proc.cpuPercent);
  out.cpuPercent = cpu === undefined ? null : psTenths(cpu / 10);
  out.memPercent = proc.memPercent === undefined ? null : psTenths(proc.memPercent);
  out.timeSeconds = proc.timeSeconds === undefined ? null : Math.round(proc.timeSeconds * 100) / 100;
  return out as ProcJson;
}

function tenfold(percent: number | undefined): number | undefined {
  return percent === undefined ? undefined : percent * 10;
}

/** A thread of a process other than its leader; `comm` is the thread's own name, null when unknown. */
export interface ThreadJson {
  readonly tid: number;
  readonly comm: string | null;
}

export interface TreeJson {
  readonly proc: ProcJson;
  readonly children: readonly TreeJson[];
  /** The process's other threads ([] when it has none); null when they were not listed (a backend without them, `tree -T`) or could not be. */
  readonly threads: readonly ThreadJson[] | null;
}

/** TreeNode shape (`{ proc, children, threads }`), no folding. `threads`: Snapshot.threads. */
export function treeToJson(node: TreeNode, options: ProcJsonOptions = {}, threads?: ReadonlyMap<number, readonly ThreadInfo[]>): TreeJson {
  // Listed only where stat counts more than one thread: one counted is none besides the leader; not listed is unknown.
  const listed = threads?.get(node.proc.pid) ?? (threads !== undefined && node.proc.threads === 1 ? [] : undefined);
  const own = listed === undefined ? null : listed.map((thread) => ({ tid: thread.tid, comm: thread.comm ?? null }));
  return { proc: procToJson(node.proc, options), children: node.children.map((child) => treeToJson(child, options, threads)), threads: own };
}

/** `procview ps --json`. */
export interface PsDocument extends JsonEnvelope<'ps'> {
  /** When the snapshot was taken, ms since the epoch. */
  readonly takenAt: number;
  readonly cpuPercentBasis: CpuPercentBasis;
  readonly processes: readonly ProcJson[];
}

/** `procview tree --json`. */
export interface TreeDocument extends JsonEnvelope<'tree'> {
  readonly takenAt: number;
  readonly cpuPercentBasis: CpuPercentBasis;
  readonly roots: readonly TreeJson[];
}

/** A one-shot listing: %CPU is ps's lifetime average, as of the snapshot. */
export function psDocument(snapshot: Snapshot, procs: Iterable<ProcInfo>): PsDocument {
  const options = { cpuPercent: 'lifetime', now: psClock(snapshot) } as const;
  const processes = Array.from(procs, (proc) => procToJson(proc, options));
  return envelope('ps', { takenAt: snapshot.takenAt, cpuPercentBasis: options.cpuPercent, processes });
}

export function treeDocument(snapshot: Snapshot, roots: readonly TreeNode[]): TreeDocument {
  const options = { cpuPercent: 'lifetime', now: psClock(snapshot) } as const;
  const json = roots.map((root) => treeToJson(root, options, snapshot.threads));
  return envelope('tree', { takenAt: snapshot.takenAt, cpuPercentBasis: options.cpuPercent, roots: json });
}

// JSON.stringify escapes C0 but leaves DEL, C1 (U+009B is a one-character
// CSI to some terminals) and bidi overrides raw. Escaping them keeps the same
// data and makes `procview ps --json` safe to print on a terminal.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

function escapeRaw(text: string): string {
  return text.replace(RAW_IN_JSON, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify, pretty, with every character that could steer a terminal written as `\uXXXX`. */
export function stringifyForTerminal(value: unknown): string {
  return escapeRaw(JSON.stringify(value, null, 2));
}

/** One line of a JSON stream (JSON Lines: no newline inside), escaped as stringifyForTerminal. */
export function stringifyLineForTerminal(value: unknown): string {
  return escapeRaw(JSON.stringify(value));
}
