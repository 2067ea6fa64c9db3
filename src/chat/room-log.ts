// The server's terminal log of room lines. A busy room says thousands of
// lines a second: they are written once per turn of the event loop, not one
// write each (turn-batch.ts); and a stdout nobody reads (a pipe whose reader
// stalled) must not hold them all in memory, so past a backlog they are
// dropped, with one note.
import { t } from '../text/i18n/message.js';
import { batchPerTurn } from './turn-batch.js';

export interface RoomLog {
  line(text: string): void;
  /** Stops logging for good (the reader went away). */
  stop(): void;
}

export interface LogStream {
  write(text: string): boolean;
  readonly writableLength: number;
}

/** Unread output kept before lines are dropped. */
export const MAX_LOG_BACKLOG_BYTES = 1024 * 1024;

export function createRoomLog(stream: LogStream, warn: (message: string) => void, maxBacklog = MAX_LOG_BACKLOG_BYTES): RoomLog {
  let stopped = false;
  let dropping = false;

  const batch = batchPerTurn<string>((lines) => {
    if (stopped) return;
    if (stream.writableLength > maxBacklog) {
      if (!dropping) warn(t('chat.log.dropping'));
      dropping = true;
      return;
    }
    dropping = false;
    stream.write(lines.join(''));
  });

  return {
    line(text) {
      if (!stopped) batch.add(`${text}\n`);
    },
    stop() {
      stopped = true;
      batch.clear();
    },
  };
}
