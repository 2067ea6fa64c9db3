// The wire between procview and a lesson's processes. Every lesson process
// writes one JSON object per line to fd 1 (inherited by the whole lesson, and
// short lines on a pipe are written atomically, PIPE_BUF), so procview hears
// grandchildren and orphans too, not only the child it started.

/** The hold in milliseconds, so children time their states like the narration does. */
export const HOLD_ENV = 'PROCVIEW_DEMO_HOLD_MS';
/**
 * Set for a lesson's first process only: the fd of the lifeline its own
 * children inherit as their fd 0. Not fd 0 itself, because Node destroys a
 * child's stdin pipe when that child exits, and orphans outlive their parent.
 */
export const LIFELINE_FD_ENV = 'PROCVIEW_DEMO_LIFELINE_FD';
/** Where procview puts that lifeline among a first process's stdio. */
export const LIFELINE_FD = 4;
/** First argument of every lesson process: names the lesson and its procview, so `ps` can find them. */
export const MARKER_PREFIX = '--procview-demo=';

export function markerFor(demo: string, anchorPid: number): string {
  return `${MARKER_PREFIX}${demo}:${anchorPid}`;
}

export interface ChildMessage {
  readonly kind: string;
  /** Sender's pid and its getppid() at the moment it wrote. */
  readonly pid: number;
  readonly ppid: number;
  readonly [field: string]: unknown;
}

/** One line from a lesson process; undefined for anything that is not one of our messages. */
export function parseMessage(line: string): ChildMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.kind !== 'string' || !isPid(record.pid) || !isPid(record.ppid)) return undefined;
  return record as ChildMessage;
}

/** A numeric field of a message, or undefined. */
export function numberField(message: ChildMessage, field: string): number | undefined {
  const value = message[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function stringField(message: ChildMessage, field: string): string | undefined {
  const value = message[field];
  return typeof value === 'string' ? value : undefined;
}

function isPid(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
