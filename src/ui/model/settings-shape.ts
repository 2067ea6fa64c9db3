// What the F2 settings are, and their defaults: its own file so that the key
// results (key-result.ts) can name them without importing the setup screen.
import type { ColumnId } from './columns.js';

export interface Settings {
  /** The whole-system view starts as a tree (a chosen scope always does). */
  readonly tree: boolean;
  /** false: the monochrome theme, as --no-color (NO_COLOR still wins over true). */
  readonly colour: boolean;
  /** Refresh interval when -d is not given (lessons keep their own 0.5 s). */
  readonly intervalMs: number;
  readonly hiddenColumns: readonly ColumnId[];
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ tree: false, colour: true, intervalMs: 1000, hiddenColumns: [] });

/** Whether two settings say the same (the hidden columns as a set). */
export function sameSettings(a: Settings, b: Settings): boolean {
  const hidden = new Set(a.hiddenColumns);
  return (
    a.tree === b.tree &&
    a.colour === b.colour &&
    a.intervalMs === b.intervalMs &&
    hidden.size === new Set(b.hiddenColumns).size &&
    b.hiddenColumns.every((id) => hidden.has(id))
  );
}
