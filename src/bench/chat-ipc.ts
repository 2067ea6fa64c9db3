// What the chat bench's parent (chat-load.ts) and its load processes
// (chat-worker.ts) say to each other over the fork channel ('advanced'
// serialization, so the latency arrays travel as Float64Arrays).
import type { TaskTimes } from '../inspect/sched-stat.js';
import type { Phase } from './chat-stamp.js';

export type { TaskTimes };

export type ToWorker =
  | {
      readonly type: 'setup';
      readonly host: string;
      readonly port: number;
      /** The clients this process plays, by index among all of them. */
      readonly indices: readonly number[];
      readonly prefix: string;
    }
  | {
      readonly type: 'run';
      readonly phase: Phase;
      readonly messages: number;
      /** Messages per second per client; 0 = all at once. */
      readonly rate: number;
      /** Clients in the whole load (their send times are spread over one period). */
      readonly total: number;
      /** When the first message is due, on the shared clock. */
      readonly startMs: number;
      readonly quietMs: number;
    }
  | { readonly type: 'quit' };

export interface WorkerResult {
  readonly sent: number;
  readonly expected: number;
  readonly received: number;
  /** Datagrams that were no delivery of this run: the server's notices (a flood-control notice means it throttled the load). */
  readonly others: number;
  readonly firstSendMs: number;
  readonly lastReceiveMs: number;
  /** Per delivery: receive time − the time the message was due. */
  readonly fromDueMs: Float64Array;
  /** Per delivery: receive time − the time the message really left. */
  readonly fromSentMs: Float64Array;
  /** Per message sent: how late it left (actual − due). */
  readonly lateMs: Float64Array;
  readonly times: TaskTimes | undefined;
}

export type FromWorker = { readonly type: 'ready' } | { readonly type: 'failed'; readonly message: string } | ({ readonly type: 'done' } & WorkerResult);
