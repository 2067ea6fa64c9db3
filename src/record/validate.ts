// A recording is input from anyone: a file whose checksums hold can still be
// made by hand. Everything decoded is checked for the shape the rest of
// procview assumes (numbers are numbers, text is text), so a crafted file is
// refused in words instead of failing deep inside the dashboard.
import type { ProcEvent } from '../inspect/types.js';
import { policyNamed } from '../inspect/sched-policy.js';
import { damagedBy as bad, PROC_KEYS } from './format.js';
import type { RecordingHeader } from './types.js';

const EVENT_KINDS = new Set(['spawn', 'exit', 'zombie', 'reap', 'reparent', 'exec', 'stop', 'continue', 'renice', 'rename']);
const SCOPE_KINDS = new Set(['all', 'pids', 'name', 'demo', 'run', 'chat']);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, test: (v: unknown) => boolean): boolean => value === undefined || value === null || test(value);
const isText = (value: unknown): boolean => typeof value === 'string';
/**
 * A time, ms since the epoch, that a Date can hold (ECMA-262 21.4.1.22:
 * ±8.64e15 ms). A crafted 1e300 is finite, and would throw in every clock that
 * prints it.
 */
export const isTime = (value: unknown): value is number => isNumber(value) && Math.abs(value) <= 8.64e15;

export function checkHeader(value: unknown): RecordingHeader {
  if (!isObject(value) || value.format !== 'procview-recording' || !isTime(value.startedAt) || !isObject(value.scope)) {
    throw bad('record.headerShape');
  }
  const { scope } = value;
  const fine =
    SCOPE_KINDS.has(String(scope.kind)) &&
    isText(scope.label) &&
    isNumber(value.version) &&
    isNumber(value.intervalMs) &&
    isText(value.procview) &&
    optional(value.bootTime, isTime) &&
    ['host', 'kernel'].every((key) => optional(value[key], isText)) &&
    ['bootTime', 'clockTicks', 'pageSize'].every((key) => optional(value[key], isNumber));
  if (!fine) throw bad('record.headerField');
  // Only the fields procview knows (a crafted header's extras reach replay --json otherwise), and
  // unknown is undefined in procview, never null: a writer of another language may write null.
  const header: Record<string, unknown> = {};
  for (const key of HEADER_KEYS) if (value[key] !== undefined && value[key] !== null) header[key] = value[key];
  header.scope = { kind: scope.kind, label: scope.label };
  return header as unknown as RecordingHeader;
}

const HEADER_KEYS = [
  'format',
  'version',
  'procview',
  'startedAt',
  'intervalMs',
  'scope',
  'host',
  'kernel',
  'bootTime',
  'clockTicks',
  'pageSize',
] as const satisfies readonly (keyof RecordingHeader)[];

/** A packed process record's fields, by position (format.ts PROC_KEYS): 's' text, 'n' number. */
const PROC_TYPES = 'nnnnsnssnnnsnsnnnnnnss';

/**
 * Text fields that procview builds itself rather than quotes, so they are drawn
 * as they are (STAT letter by letter in the detail pane): only what a reader
 * could have written is let in. State: one letter (ps(1) PROCESS STATE CODES,
 * and the BSDs' letters). STAT: that letter and modifier letters or `< > +`
 * (procps `<NLsl+`, macOS/BSD `+<>AELNSVWXs`). Policy: a name ps prints.
 */
const PROC_TEXT_RULES: ReadonlyMap<number, (text: string) => boolean> = new Map([
  [PROC_KEYS.indexOf('state'), (text: string) => /^[A-Za-z]$/u.test(text)],
  [PROC_KEYS.indexOf('stat'), (text: string) => /^[A-Za-z][A-Za-z<>+]*$/u.test(text)],
  [PROC_KEYS.indexOf('policy'), (text: string) => policyNamed(text) !== undefined],
]);
/** Number fields with a range: the start time is printed as a clock. */
const PROC_NUMBER_RULES: ReadonlyMap<number, (value: number) => boolean> = new Map([[PROC_KEYS.indexOf('startTime'), isTime]]);

export function checkPackedProc(packed: unknown): readonly unknown[] {
  if (!Array.isArray(packed) || !isNumber(packed[0])) throw bad('record.procShape');
  for (let i = 0; i < PROC_TYPES.length; i += 1) {
    const value: unknown = packed[i];
    if (value === null || value === undefined) continue;
    const fine =
      PROC_TYPES[i] === 'n'
        ? isNumber(value) && (PROC_NUMBER_RULES.get(i)?.(value) ?? true)
        : typeof value === 'string' && (PROC_TEXT_RULES.get(i)?.(value) ?? true);
    if (!fine) throw bad('record.procField', { field: i + 1, pid: packed[0] });
  }
  return packed;
}

function checkStatus(value: unknown): boolean {
  return isObject(value) && optional(value.code, isNumber) && optional(value.signal, isText) && typeof value.coreDumped === 'boolean';
}

function checkEvidence(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.kind === 'no-leader') return isNumber(value.pgid) && optional(value.seenBefore, isText);
  return value.kind === 'leader-alive' && isText(value.leader);
}

/** Fields of an event (types.ts ProcEvent) that hold text, a number or a boolean. */
const PLAIN_FIELDS = new Set([
  'kind',
  'at',
  'pid',
  'comm',
  'source',
  'inferred',
  'ppid',
  'by',
  'lastParent',
  'kernelReapedFor',
  'releasedFor',
  'parentGone',
  'from',
  'to',
  'orphaned',
  'adopter',
  'fromComm',
  'fromArgs',
  'args',
  'nameFrom',
  'traced',
]);

/** Fields of an event that hold an object, and what makes one right. */
const OBJECT_FIELDS: Record<string, (value: unknown) => boolean> = { status: checkStatus, evidence: checkEvidence };

/**
 * An event, its fields checked: text, numbers and booleans, and the objects
 * procview knows (an exit status, an orphan's evidence). An object field it
 * does not know (a newer writer's, same format version) is left out rather
 * than trusted.
 */
export function checkEvent(value: unknown): ProcEvent {
  if (!isObject(value) || !EVENT_KINDS.has(String(value.kind)) || !isNumber(value.pid) || !isTime(value.at)) throw bad('record.eventShape');
  let out = value;
  for (const [key, field] of Object.entries(value)) {
    if (field === null || ['number', 'string', 'boolean'].includes(typeof field)) continue;
    const check = OBJECT_FIELDS[key];
    if (check === undefined && !PLAIN_FIELDS.has(key)) {
      const { [key]: _dropped, ...rest } = out;
      out = rest;
      continue;
    }
    if (check?.(field) !== true) throw bad('record.eventField', { field: key, kind: String(value.kind) });
  }
  return out as unknown as ProcEvent;
}

export function checkSeed(value: unknown): boolean {
  return isNumber(value) || (isObject(value) && isNumber(value.pid) && optional(value.trackedAt, isTime) && optional(value.startTime, isTime));
}

export function checkHostLoad(value: unknown): boolean {
  return (
    value === undefined ||
    (isObject(value) &&
      optional(value.uptimeSeconds, isNumber) &&
      optional(value.load, (load) => Array.isArray(load) && load.length === 3 && load.every(isNumber)))
  );
}

export function checkMeters(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isObject(value) || !isNumber(value.cpuCount) || !Array.isArray(value.cpus) || !isObject(value.memory)) return false;
  const memory = value.memory;
  return (
    value.cpus.every((cpu) => isObject(cpu) && isText(cpu.name) && ['user', 'nice', 'system', 'busy'].every((key) => isNumber(cpu[key]))) &&
    ['totalKb', 'availableKb', 'swapTotalKb', 'swapFreeKb'].every((key) => optional(memory[key], isNumber))
  );
}

/** The frame body's fields besides the tables (checked record by record as they are unpacked). */
export function checkFrameBody(body: Record<string, unknown>, offset: number): void {
  const fine =
    isNumber(body.seq) &&
    isTime(body.begunAt) &&
    optional(body.lost, isNumber) &&
    optional(body.words, isText) &&
    optional(body.source, (s) => s === 'kernel' || s === 'polling') &&
    optional(body.seeds, (seeds) => Array.isArray(seeds) && seeds.every(checkSeed)) &&
    optional(body.members, (members) => Array.isArray(members) && members.every(isNumber)) &&
    optional(body.gone, (gone) => Array.isArray(gone) && gone.every(isNumber)) &&
    optional(body.glimpses, Array.isArray) &&
    checkHostLoad(body.host ?? undefined) &&
    checkMeters(body.meters ?? undefined);
  if (!fine) throw bad('record.frameField', { offset });
  body.events = (body.events as unknown[]).map(checkEvent);
}
