// The wire format of messages from lesson processes.
import { describe, expect, it } from 'vitest';
import { markerFor, parseMessage } from '../../src/demos/messages.js';

describe('messages from lesson processes', () => {
  it('accepts our JSON lines and nothing else', () => {
    expect(parseMessage('{"kind":"hello","pid":5,"ppid":4,"role":"child"}')).toEqual({ kind: 'hello', pid: 5, ppid: 4, role: 'child' });
    expect(parseMessage('hello')).toBeUndefined();
    expect(parseMessage('{"kind":"hello","pid":"5","ppid":4}')).toBeUndefined();
    expect(parseMessage('null')).toBeUndefined();
    expect(markerFor('zombie', 42)).toBe('--procview-demo=zombie:42');
  });
});
