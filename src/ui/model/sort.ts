// Sorting rows by a column. Unknown values go last whichever the direction, so
// a process whose fields could not be read never sits at the top of "%CPU ▼".
import type { ProcInfo } from '../../inspect/types.js';
import type { Column, SortKey } from './columns.js';

export interface SortOrder {
  readonly column: Column;
  readonly descending: boolean;
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** A comparator for `order`; ties fall back to ascending PID so the order is stable across refreshes. */
export function comparator(order: SortOrder): (a: ProcInfo, b: ProcInfo) => number {
  const sign = order.descending ? -1 : 1;
  return (a, b) => {
    const ka = order.column.sortKey(a);
    const kb = order.column.sortKey(b);
    if (ka === undefined || kb === undefined) {
      if (ka !== kb) return ka === undefined ? 1 : -1;
    } else {
      const byKey = compareKeys(ka, kb);
      if (byKey !== 0) return sign * byKey;
    }
    return a.pid - b.pid;
  };
}
