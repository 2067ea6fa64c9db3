// The recording file format, pure: bytes in, values out (docs/recording-format.md
// is its description; change both together). A file is a fixed preamble, then
// records, each length-prefixed and checksummed, so that a file cut off by a
// crash ends at its last whole record and a damaged one is found, not parsed.
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ProcInfo } from '../inspect/types.js';
import { type MessageArgs, type MessageId, t } from '../text/i18n/message.js';

/** The first 8 bytes of every recording. */
export const MAGIC = Buffer.from('PVRECORD', 'latin1');
/** The format version this code writes and the newest it reads. */
export const FORMAT_VERSION = 1;
/** Magic, u16 version, u16 reserved (zero). */
export const PREAMBLE_BYTES = 12;
/** u32 payload length, u32 CRC-32, u8 type, f64 time. */
export const RECORD_HEAD_BYTES = 17;
/** No record is this large: a length above it is damage, not a record. */
export const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

/** Record types, one byte each (ASCII letters so a hex dump reads). */
export const RecordType = {
  header: 0x48, // 'H': JSON, uncompressed, always the first record
  key: 0x4b, // 'K': a whole table (deflated JSON)
  delta: 0x44, // 'D': the records that changed since the previous frame (deflated JSON)
  note: 0x4e, // 'N': a narration, observation, chat or program output line (JSON)
} as const;
export type RecordTypeCode = (typeof RecordType)[keyof typeof RecordType];
const KNOWN_TYPES = new Set<number>(Object.values(RecordType));

/** A recording that cannot be read: what is wrong, in words for the person who gave the file. */
export class RecordingError extends Error {
  constructor(
    message: string,
    readonly reason: 'empty' | 'foreign' | 'newer' | 'corrupt' | 'unreadable',
  ) {
    super(message);
    this.name = 'RecordingError';
  }
}

/** Zlib's CRC-32 when this Node has it (20.15+), else the same polynomial in a table. */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(bytes);
  let c = 0xffffffff;
  for (const byte of bytes) c = (TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function encodePreamble(version = FORMAT_VERSION): Buffer {
  const out = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(out, 0);
  out.writeUInt16LE(version, 8);
  return out;
}

/** Checks the preamble; returns the file's format version. */
export function decodePreamble(bytes: Buffer): number {
  if (bytes.length === 0) throw new RecordingError(t('record.empty'), 'empty');
  // A file shorter than the magic that starts like it is a recording cut off at once, not a foreign file.
  const start = bytes.subarray(0, Math.min(bytes.length, MAGIC.length));
  if (!start.equals(MAGIC.subarray(0, start.length))) {
    throw new RecordingError(t('record.foreign'), 'foreign');
  }
  if (bytes.length < PREAMBLE_BYTES) throw new RecordingError(t('record.shortPreamble'), 'empty');
  const version = bytes.readUInt16LE(8);
  if (version > FORMAT_VERSION) {
    throw new RecordingError(t('record.newer', { version, supported: FORMAT_VERSION }), 'newer');
  }
  if (version === 0) throw damagedBy('record.version0');
  // Version 1 writes the reserved u16 as zero; anything else is a changed byte (a later use of it comes with a new version).
  if (bytes.readUInt16LE(10) !== 0) throw damagedBy('record.reserved');
  return version;
}

/** One record as bytes: head, then payload; the CRC covers type, time and payload. */
export function encodeRecord(type: RecordTypeCode, at: number, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEAD_BYTES + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt8(type, 8);
  out.writeDoubleLE(at, 9);
  payload.copy(out, RECORD_HEAD_BYTES);
  out.writeUInt32LE(crc32(out.subarray(8)), 4);
  return out;
}

export interface RecordSpan {
  readonly type: RecordTypeCode;
  /** Wall-clock ms since the epoch the record is about. */
  readonly at: number;
  /** Byte offset of the record's head. */
  readonly offset: number;
  readonly payloadStart: number;
  readonly payloadEnd: number;
}

export type WalkEnd =
  | { readonly kind: 'end' }
  /** The last record is incomplete (a crash or power loss mid-write): everything before it is whole. */
  | { readonly kind: 'truncated'; readonly offset: number };

/**
 * Every record of `bytes` after the preamble, checksums verified. A record cut
 * off by the end of the file ends the walk quietly (`truncated`); one whose
 * checksum or type is wrong is damage, and throws.
 */
export function walkRecords(bytes: Buffer, visit: (span: RecordSpan) => void): WalkEnd {
  let offset = PREAMBLE_BYTES;
  let index = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < RECORD_HEAD_BYTES) return { kind: 'truncated', offset };
    const length = bytes.readUInt32LE(offset);
    const type = bytes.readUInt8(offset + 8);
    if (length > MAX_PAYLOAD_BYTES || !KNOWN_TYPES.has(type)) throw damaged(index, offset, t('record.notHead'));
    const payloadStart = offset + RECORD_HEAD_BYTES;
    const payloadEnd = payloadStart + length;
    if (payloadEnd > bytes.length) {
      // The length is outside the checksum, so a changed length byte also reads as "longer than the
      // file". A crash cuts only the last record (one write each): whole records after this head
      // mean it is not the last, and its length is what is wrong.
      const next = wholeRecordAfter(bytes, payloadStart, bytes.readDoubleLE(offset + 9));
      if (next !== undefined) throw damaged(index, offset, t('record.lengthWrong', { length, next }));
      return { kind: 'truncated', offset };
    }
    if (crc32(bytes.subarray(offset + 8, payloadEnd)) !== bytes.readUInt32LE(offset + 4)) throw damaged(index, offset, t('record.checksum'));
    visit({ type: type as RecordTypeCode, at: bytes.readDoubleLE(offset + 9), offset, payloadStart, payloadEnd });
    offset = payloadEnd;
    index += 1;
  }
  return { kind: 'end' };
}

/** Times further apart than this from the record before are not taken as a record head's (a week: far above any pause in one recording). */
const HEAD_TIME_SLACK_MS = 7 * 86_400_000;
/** Slack for the search's checksum budget on a short tail. */
const MAX_HEAD_CHECK_BYTES = 1024 * 1024;

/**
 * The offset of the first whole record (known type, plausible time, matching checksum, inside the
 * file) that starts at or after `from`, if any. Only reached when a record runs past the end of the
 * file: in a file cut by a crash that is the one partial record, so the scan is short.
 */
function wholeRecordAfter(bytes: Buffer, from: number, near: number): number | undefined {
  // A crafted tail of head-like bytes could make every offset a candidate: the bytes checksummed are
  // capped at a few times what is left, so the search stays linear in the file.
  let budget = 4 * (bytes.length - from) + MAX_HEAD_CHECK_BYTES;
  for (let at = from; at + RECORD_HEAD_BYTES <= bytes.length; at += 1) {
    const type = bytes[at + 8];
    if (type === undefined || !KNOWN_TYPES.has(type)) continue;
    const length = bytes.readUInt32LE(at);
    const end = at + RECORD_HEAD_BYTES + length;
    if (end > bytes.length) continue;
    const time = bytes.readDoubleLE(at + 9);
    // The cheap tests first: a CRC is computed only for a head whose time is near the cut record's.
    if (!Number.isFinite(time) || Math.abs(time - near) > HEAD_TIME_SLACK_MS) continue;
    budget -= end - at;
    if (budget < 0) return undefined;
    if (crc32(bytes.subarray(at + 8, end)) === bytes.readUInt32LE(at + 4)) return at;
  }
  return undefined;
}

/** `the recording is damaged: ` and what is wrong (message `id`). */
export function damagedBy<K extends MessageId>(id: K, ...args: MessageArgs<K>): RecordingError {
  return new RecordingError(t('record.damaged', { what: t(id, ...args) }), 'corrupt');
}

export function damaged(index: number, offset: number, why: string): RecordingError {
  return new RecordingError(t('record.damagedRecord', { number: index + 1, offset, why }), 'corrupt');
}

export function packJson(value: unknown): Buffer {
  return deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'));
}

export function unpackJson(bytes: Buffer): unknown {
  return JSON.parse(inflateRawSync(bytes).toString('utf8'));
}

/**
 * ProcInfo as an array in this order (shorter than objects, and the order is
 * the format: a field added later goes at the end). `null` stands for
 * undefined, i.e. unknown.
 */
export const PROC_KEYS = [
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

// Fails to compile when ProcInfo gains a field that PROC_KEYS lacks: a recording would drop it
// without a word, and sameProc would miss its changes.
type UnrecordedField = Exclude<keyof ProcInfo, (typeof PROC_KEYS)[number]>;
const everyFieldRecorded: [UnrecordedField] extends [never] ? true : UnrecordedField = true;
void everyFieldRecorded;

export type PackedProc = readonly unknown[];

export function packProc(proc: ProcInfo): PackedProc {
  return PROC_KEYS.map((key) => proc[key] ?? null);
}

/** A packed record back as ProcInfo; `check` has vouched for its fields' types. */
export function unpackProc(packed: unknown, check: (packed: unknown) => readonly unknown[]): ProcInfo {
  const fields = check(packed);
  const out: Record<string, unknown> = {};
  PROC_KEYS.forEach((key, i) => {
    const value: unknown = fields[i];
    out[key] = value === null ? undefined : value;
  });
  return Object.freeze(out) as unknown as ProcInfo;
}

/** Two records with the same fields (the procfs backend reuses unchanged ones, so identity is the usual answer). */
export function sameProc(a: ProcInfo, b: ProcInfo): boolean {
  if (a === b) return true;
  for (const key of PROC_KEYS) if (a[key] !== b[key]) return false;
  return true;
}
