// What a recording holds, as the writer takes it and the reader gives it back.
import type { Seed } from '../inspect/scope.js';
import type { Meters } from '../inspect/procfs/meters.js';
import type { SystemLoad } from '../inspect/system-load.js';
import type { ProcEvent, ProcInfo, Snapshot } from '../inspect/types.js';

/** What was recorded: the whole system, a --watch target, a lesson, a program, a chat room. */
export interface RecordingScope {
  readonly kind: 'all' | 'pids' | 'name' | 'demo' | 'run' | 'chat';
  /** In words, as the dashboard's header says it (raw: sanitize before display). */
  readonly label: string;
}

/** The facts of the machine a recording was made on (undefined: not known there). */
export interface RecordingHost {
  readonly host: string | undefined;
  /** Kernel name and release, e.g. `Linux 6.8.0-45-generic`. */
  readonly kernel: string | undefined;
  /** Boot time, ms since the epoch (btime of /proc/stat): the base of every start time. */
  readonly bootTime: number | undefined;
  /** USER_HZ, the unit of the stat fields start times and CPU times were read in. */
  readonly clockTicks: number | undefined;
  /** Bytes per page, the unit RSS was read in. */
  readonly pageSize: number | undefined;
}

export interface RecordingHeader extends RecordingHost {
  readonly format: 'procview-recording';
  readonly version: number;
  /** The procview version that wrote it. */
  readonly procview: string;
  /** When recording began, ms since the epoch. */
  readonly startedAt: number;
  /** The full scan interval, ms. */
  readonly intervalMs: number;
  readonly scope: RecordingScope;
}

/** One frame as the writer takes it: a WatchFrame or a dashboard Frame fits, plus the scope's seeds. */
export interface FrameInput {
  readonly seq: number;
  readonly begunAt: number;
  readonly snapshot: Snapshot;
  readonly events: readonly ProcEvent[];
  readonly glimpses?: ReadonlyMap<number, ProcInfo> | undefined;
  readonly lost?: number;
  readonly source?: 'kernel' | 'polling';
  readonly sourceWords?: string | undefined;
  readonly host?: SystemLoad | undefined;
  readonly meters?: Meters | undefined;
}

/** Which pane a note belongs to. */
export type NotePane = 'lesson' | 'chat' | 'output';

export interface NoteInput {
  readonly at: number;
  readonly pane: NotePane;
  /** How it was shown: plain, observed, good, problem, admin, dim (the side pane's tones). */
  readonly tone: string;
  /** Raw text (sanitize before display). */
  readonly text: string;
}

export interface RecordedNote extends NoteInput {
  readonly type: 'note';
}

export interface RecordedFrame {
  readonly type: 'frame';
  /** Position among the recording's frames, from 0. */
  readonly index: number;
  readonly seq: number;
  /** The snapshot's takenAt (wall clock, ms). */
  readonly at: number;
  /** performance.now() of the recording process when the scan began (compare only with seeds' trackedAt). */
  readonly begunAt: number;
  /** Stored whole (a key frame) or as the changes since the frame before. */
  readonly key: boolean;
  readonly snapshot: Snapshot;
  readonly previous: Snapshot | undefined;
  readonly events: readonly ProcEvent[];
  readonly glimpses: ReadonlyMap<number, ProcInfo>;
  readonly lost: number;
  readonly source: 'kernel' | 'polling';
  readonly sourceWords: string | undefined;
  /** Where the recorded view's scope started in this frame. */
  readonly seeds: readonly Seed[];
  /** The pids the recorded view followed after this frame; undefined for the whole system. */
  readonly members: readonly number[] | undefined;
  readonly host: SystemLoad | undefined;
  readonly meters: Meters | undefined;
}

export type RecordingEntry = RecordedFrame | RecordedNote;
