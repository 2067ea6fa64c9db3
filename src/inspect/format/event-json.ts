// One process event as a line of `procview events --json` (NDJSON): the
// envelope of every procview document, then the event's fields, each present
// in every line of its kind, null when unknown. Text is raw; stringify with
// stringifyLineForTerminal.
import type { ExitStatus, ProcEvent } from '../types.js';
import { envelope, type JsonEnvelope } from './json.js';

type Nullable<T> = { [K in keyof T]: Exclude<T[K], undefined> | null };

export interface EventJson extends JsonEnvelope<'event'> {
  /** spawn exit zombie reap reparent exec stop continue renice. */
  readonly event: ProcEvent['kind'];
  /** ms since the epoch; `time` is the same instant in ISO 8601. */
  readonly at: number;
  readonly time: string;
  readonly pid: number;
  readonly comm: string | null;
  /** kernel | polling | scan. */
  readonly source: string;
  /** The evidence, when the transition was not seen but inferred; else null. */
  readonly inferred: string | null;
  readonly [field: string]: unknown;
}

export interface LostJson extends JsonEnvelope<'lost'> {
  readonly at: number;
  /** Kernel events dropped since the previous `lost` line (the stream rescanned after them). */
  readonly count: number;
}

function nullable<T extends object>(fields: T): Nullable<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value === undefined ? null : value;
  return out as Nullable<T>;
}

/**
 * Every field of a status, named one by one: a status read back from a recording has no key for
 * what was unknown (JSON drops undefined), and its line must still have them all.
 */
function statusJson(status: ExitStatus | undefined): Nullable<ExitStatus> | null {
  return status === undefined ? null : nullable({ code: status.code, signal: status.signal, coreDumped: status.coreDumped });
}

/** The kind-specific fields, every one present. */
function details(event: ProcEvent): Record<string, unknown> {
  switch (event.kind) {
    case 'spawn':
      return nullable({ ppid: event.ppid });
    case 'exit':
    case 'zombie':
      return { ppid: event.ppid ?? null, status: statusJson(event.status) };
    case 'reap':
      return {
        by: event.by ?? null,
        lastParent: event.lastParent ?? null,
        kernelReapedFor: event.kernelReapedFor ?? null,
        releasedFor: event.releasedFor ?? null,
        parentGone: event.parentGone === true,
        status: statusJson(event.status),
      };
    case 'reparent':
      return nullable({ from: event.from, to: event.to, orphaned: event.orphaned, adopter: event.adopter });
    case 'exec':
      return nullable({ fromComm: event.fromComm, fromArgs: event.fromArgs, args: event.args, nameFrom: event.nameFrom });
    case 'renice':
      return nullable({ from: event.from, to: event.to });
    case 'rename':
      return nullable({ from: event.from });
    case 'stop':
      return { traced: event.traced === true };
    case 'continue':
      return {};
  }
}

export function eventToJson(event: ProcEvent): EventJson {
  const common = {
    event: event.kind,
    at: event.at,
    time: new Date(event.at).toISOString(),
    pid: event.pid,
    comm: event.comm ?? null,
    source: event.source ?? 'scan',
    inferred: event.inferred ?? null,
  };
  return { ...envelope('event', common), ...details(event) };
}

export function lostToJson(at: number, count: number): LostJson {
  return envelope('lost', { at, count });
}
