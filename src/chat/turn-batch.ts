// Things produced one at a time in a busy turn of the event loop (room lines:
// thousands a second in a busy room), handed on together at the end of the
// turn: one write, one IPC message, instead of one each.

export interface TurnBatch<T> {
  add(item: T): void;
  /** Hands on what is pending now, before the turn ends (to keep it in order with something sent next). */
  flush(): void;
  /** Forgets what is pending. */
  clear(): void;
}

export function batchPerTurn<T>(deliver: (items: T[]) => void): TurnBatch<T> {
  let pending: T[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    deliver(items);
  };
  return {
    add(item) {
      if (pending.length === 0) setImmediate(flush);
      pending.push(item);
    },
    flush,
    clear() {
      pending = [];
    },
  };
}
