// The admin socket's frames: one JSON object per line.
import { describe, expect, it } from 'vitest';
import { encodeFrame, parseAdminFrame, parseClientFrame } from '../../src/chat/admin-wire.js';

describe('admin socket frames', () => {
  it('round-trip and refuse what is not a frame', () => {
    expect(parseClientFrame(encodeFrame({ id: 3, say: 'hi' }).trim())).toEqual({ id: 3, say: 'hi' });
    expect(parseClientFrame('{"id":"3","say":"hi"}')).toBeUndefined();
    expect(parseClientFrame('not json')).toBeUndefined();
    expect(parseAdminFrame('{"line":"bob joined the room"}')).toEqual({ line: 'bob joined the room' });
    expect(parseAdminFrame('{"id":1,"ok":true}')).toEqual({ id: 1, ok: true });
    expect(parseAdminFrame('{"id":1,"error":"no"}')).toEqual({ id: 1, error: 'no' });
    expect(parseAdminFrame('[1]')).toBeUndefined();
  });
});
