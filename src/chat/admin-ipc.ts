// Messages between the server and its admin child over the fork IPC channel.
// The admin speaks only through this channel, never through UDP, so nobody on
// the network can speak as the admin.

export type ToServer =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'say'; readonly id: number; readonly text: string }
  /** The admin has socket clients that want room lines (or no longer has any). */
  | { readonly type: 'watch'; readonly on: boolean };

export type ToAdmin =
  | { readonly type: 'said'; readonly id: number; readonly error?: string }
  /** Answers `watch`: from here on, room lines come (or stop). */
  | { readonly type: 'watching'; readonly on: boolean }
  /** Room lines of one turn of the server's event loop, in order. */
  | { readonly type: 'lines'; readonly lines: readonly string[] }
  | { readonly type: 'shutdown' };

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

export function asToServer(value: unknown): ToServer | undefined {
  const message = record(value);
  switch (message?.type) {
    case 'ready':
      return { type: 'ready' };
    case 'failed':
      return typeof message.message === 'string' ? { type: 'failed', message: message.message } : undefined;
    case 'say':
      return typeof message.id === 'number' && typeof message.text === 'string' ? { type: 'say', id: message.id, text: message.text } : undefined;
    case 'watch':
      return typeof message.on === 'boolean' ? { type: 'watch', on: message.on } : undefined;
    default:
      return undefined;
  }
}

export function asToAdmin(value: unknown): ToAdmin | undefined {
  const message = record(value);
  switch (message?.type) {
    case 'said':
      if (typeof message.id !== 'number') return undefined;
      return typeof message.error === 'string' ? { type: 'said', id: message.id, error: message.error } : { type: 'said', id: message.id };
    case 'watching':
      return typeof message.on === 'boolean' ? { type: 'watching', on: message.on } : undefined;
    case 'lines':
      return Array.isArray(message.lines) && message.lines.every((line) => typeof line === 'string')
        ? { type: 'lines', lines: message.lines as string[] }
        : undefined;
    case 'shutdown':
      return { type: 'shutdown' };
    default:
      return undefined;
  }
}
