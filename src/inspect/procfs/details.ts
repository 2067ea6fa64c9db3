// What a record needs beyond stat, from status (euid, VmLck, VmRSS) and
// cmdline, or carried over from the last read when nothing says it changed.
import { argsAfterRead } from './cmdline.js';
import type { Entry } from './entry.js';
import type { ProcFiles } from './proc-files.js';
import { GONE, ownerUid, UNREADABLE } from './read-file.js';
import { parseStatus } from './status.js';

export interface Details {
  readonly args: string | undefined;
  readonly uid: number | undefined;
  readonly lockedKb: number | undefined;
  readonly rssBytes: number;
  /** Set when status and cmdline were left for later (InspectorOptions.details 'on-demand', unread.ts). */
  readonly notRead?: boolean;
}

/** Only CPU time or state moved: what status and cmdline told us last time still holds. */
export function carriedDetails(entry: Entry): Details {
  return { args: entry.info.args, uid: entry.info.uid, lockedKb: entry.lockedKb, rssBytes: entry.rssBytes };
}

/** Left for later (on demand): uid and args unknown until read, RSS from stat's field 24 meanwhile. */
export function notReadDetails(statRssBytes: number): Details {
  return { args: undefined, uid: undefined, lockedKb: undefined, rssBytes: statRssBytes, notRead: true };
}

/**
 * Where a record's uid comes from (InspectorOptions.fields): status, with
 * VmLck and VmRSS ('all'); the owner of /proc/PID alone, the same effective
 * uid, as pstree takes it ('pstree'); nowhere ('stat').
 */
export type UidSource = 'status' | 'owner' | 'none';

/**
 * Kernel threads run with the kernel's own credentials (uid 0), and have no
 * memory map (nothing locked or resident) and no command line.
 */
export function kernelThreadDetails(statRssBytes: number): Details {
  return { args: '', uid: 0, lockedKb: 0, rssBytes: statRssBytes };
}

/**
 * Reads status (or, by `uidFrom`, only the owner of the process's directory,
 * or neither), and cmdline unless `args` is already known or command lines
 * are not wanted. Undefined when the process vanished meanwhile. An unread or
 * unreadable status leaves its fields unknown; RSS then falls back to stat's
 * approximation, `statRssBytes`.
 */
export function readDetails(
  files: ProcFiles,
  dir: string,
  args: string | undefined,
  statRssBytes: number,
  commandLines = true,
  state: string | undefined = undefined,
  uidFrom: UidSource = 'status',
): Details | undefined {
  let uid: number | undefined;
  let lockedKb: number | undefined;
  let rssBytes = statRssBytes;
  if (uidFrom === 'owner') {
    const owner = ownerUid(dir);
    if (owner === GONE) return undefined;
    if (owner >= 0) uid = owner;
  }
  const statusLength = uidFrom === 'status' ? files.readWhole(files.status, `${dir}/status`) : UNREADABLE;
  if (statusLength === GONE) return undefined;
  if (statusLength >= 0) {
    const status = parseStatus(files.status.bytes, statusLength);
    uid = status.euid;
    lockedKb = status.lockedKb;
    rssBytes = status.rssKb * 1024;
  }
  if (args === undefined && commandLines) {
    const cmdlineLength = files.readWhole(files.cmdline, `${dir}/cmdline`);
    if (cmdlineLength === GONE) return undefined;
    if (cmdlineLength >= 0) args = argsAfterRead(files.cmdline.bytes, cmdlineLength, state);
  }
  return { args, uid, lockedKb, rssBytes };
}
