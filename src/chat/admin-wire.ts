// What travels on the admin's Unix socket: one JSON object per line.
//   admin → client  {"ready":true} first, once every room line from then on
//                   will reach this connection
//   client → admin  {"id":1,"say":"text"}
//   admin → client  {"id":1,"ok":true} | {"id":1,"error":"…"} | {"line":"…"}
// (an error without id answers a line that was not a request at all).

export type ClientFrame = { readonly id: number; readonly say: string };
export type AdminFrame =
  | { readonly ready: true }
  | { readonly id: number; readonly ok: true }
  | { readonly id?: number; readonly error: string }
  | { readonly line: string };

/** A request or reply longer than this is refused: 1000 bytes of text, JSON-escaped, fit easily. */
export const MAX_FRAME_BYTES = 64 * 1024;

export function encodeFrame(frame: ClientFrame | AdminFrame): string {
  return `${JSON.stringify(frame)}\n`;
}

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function parseClientFrame(line: string): ClientFrame | undefined {
  const value = parseObject(line);
  if (value === undefined) return undefined;
  const { id, say } = value;
  return typeof id === 'number' && Number.isSafeInteger(id) && typeof say === 'string' ? { id, say } : undefined;
}

export function parseAdminFrame(line: string): AdminFrame | undefined {
  const value = parseObject(line);
  if (value === undefined) return undefined;
  const { id, ok, error, line: roomLine, ready } = value;
  if (ready === true) return { ready: true };
  if (typeof roomLine === 'string') return { line: roomLine };
  if (typeof error === 'string') return typeof id === 'number' ? { id, error } : { error };
  if (typeof id === 'number' && ok === true) return { id, ok: true };
  return undefined;
}
