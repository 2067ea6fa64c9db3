// The server's log of room lines: one write per turn of the event loop, and a
// stalled reader costs a bounded backlog, not all of memory.
import { describe, expect, it } from 'vitest';
import { createRoomLog } from '../../src/chat/room-log.js';

function fakeStream() {
  const writes: string[] = [];
  return {
    writes,
    writableLength: 0,
    write(text: string): boolean {
      writes.push(text);
      return true;
    },
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createRoomLog', () => {
  it('writes the lines of one turn together, in order', async () => {
    const stream = fakeStream();
    const log = createRoomLog(stream, () => undefined);
    log.line('ann joined the room');
    log.line('ann says: hi');
    expect(stream.writes).toEqual([]);
    await turn();
    expect(stream.writes).toEqual(['ann joined the room\nann says: hi\n']);
    log.line('ann left the room');
    await turn();
    expect(stream.writes.at(-1)).toBe('ann left the room\n');
  });

  it('drops lines while the reader is behind, says so once, and resumes', async () => {
    const stream = fakeStream();
    const warnings: string[] = [];
    const log = createRoomLog(stream, (message) => warnings.push(message), 100);
    stream.writableLength = 101;
    log.line('lost 1');
    await turn();
    log.line('lost 2');
    await turn();
    expect(stream.writes).toEqual([]);
    expect(warnings).toHaveLength(1);
    stream.writableLength = 0;
    log.line('kept');
    await turn();
    expect(stream.writes).toEqual(['kept\n']);
  });

  it('stops for good', async () => {
    const stream = fakeStream();
    const log = createRoomLog(stream, () => undefined);
    log.line('pending');
    log.stop();
    log.line('later');
    await turn();
    expect(stream.writes).toEqual([]);
  });
});
