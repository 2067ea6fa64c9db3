// Commands from procview on fd 3, one per line, for a lesson's first process:
// read by the event loop (nextCommand), or with the event loop deliberately
// stopped (blockUntilCommand), which is how a parent keeps a zombie.
import { readSync } from 'node:fs';
import { Socket } from 'node:net';
import { errnoOf } from '../../process/errno.js';
import { LineSplitter } from '../../text/lines.js';
import { blockFor, endOfLesson } from './channel.js';

const COMMAND_FD = 3;
const POLL_MS = 20;

let commandSocket: Socket | undefined;
// One splitter for both readers below: a character cut between two reads arrives whole.
const splitter = new LineSplitter();
const queuedCommands: string[] = [];
const commandWaiters: Array<(command: string) => void> = [];

/** The commands in what has arrived so far (blank lines are not commands). */
function completeLines(chunk: Uint8Array): string[] {
  return (splitter.push(chunk) ?? []).map((line) => line.trim()).filter((line) => line !== '');
}

function deliver(lines: readonly string[]): void {
  for (const line of lines) {
    const waiter = commandWaiters.shift();
    if (waiter === undefined) queuedCommands.push(line);
    else waiter(line);
  }
}

function commands(): Socket {
  if (commandSocket === undefined) {
    commandSocket = new Socket({ fd: COMMAND_FD, readable: true, writable: false });
    commandSocket.on('data', (chunk: Buffer) => deliver(completeLines(chunk)));
    // procview closed its end: the lesson is over.
    commandSocket.on('end', endOfLesson);
    commandSocket.on('error', endOfLesson);
  }
  return commandSocket;
}

/** The next command from procview, read by the event loop. */
export function nextCommand(): Promise<string> {
  commands();
  const queued = queuedCommands.shift();
  if (queued !== undefined) return Promise.resolve(queued);
  return new Promise((resolve) => commandWaiters.push(resolve));
}

/**
 * Waits for the next command while keeping the event loop stopped, the way a
 * C program stuck in a long computation never gets to call wait(). Polls fd 3
 * with read(2) between short Atomics.wait() naps, and gives up at end-of-file:
 * only procview holds the other end, so EOF comes when it ends the lesson or
 * dies, however it dies.
 */
export function blockUntilCommand(): string {
  const queued = queuedCommands.shift();
  if (queued !== undefined) return queued;
  const socket = commandSocket;
  socket?.pause();
  const buffer = Buffer.alloc(256);
  try {
    for (;;) {
      let count: number;
      try {
        count = readSync(COMMAND_FD, buffer, 0, buffer.length, null);
      } catch (error) {
        if (errnoOf(error) === 'EAGAIN') {
          blockFor(POLL_MS);
          continue;
        }
        count = 0;
      }
      if (count === 0) {
        // Back to the event loop, where endOfLesson finishes the job.
        endOfLesson();
        return '';
      }
      const [first, ...rest] = completeLines(buffer.subarray(0, count));
      queuedCommands.push(...rest);
      if (first !== undefined) return first;
    }
  } finally {
    socket?.resume();
  }
}
