// The errno name (ENOENT, EAGAIN, EPERM, ...) a Node error carries.

/** The errno name of `error`, if it has one. os.setPriority wraps it in ERR_SYSTEM_ERROR, with the errno in `info.code`. */
export function errnoOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; info?: { code?: unknown } } | null | undefined;
  if (typeof e?.info?.code === 'string') return e.info.code;
  return typeof e?.code === 'string' ? e.code : undefined;
}
