// Where each pane goes for a terminal size. The process list comes first:
// the side column (narration or chat above the detail pane) appears only
// where the list keeps all its columns beside it (fullListWidth: 127 cells
// with none hidden, so from 168 columns with a narration or chat; 180 for the
// detail pane alone), takes only what the list can spare up to its own width,
// and can be hidden with a key; otherwise the list keeps the full width and
// the bottom is shared between the events and the side pane. So widening the
// terminal never costs the list a column. The header meters
// (meters.ts) sit under the header text. 60x15 still shows the task counts,
// seven process rows and three events.
import { type ColumnId, fullListWidth } from './columns.js';

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Layout {
  readonly header: Rect;
  /** The history chart, when there is room for it beside the header. */
  readonly chart: Rect | undefined;
  /** CPU, memory and swap meters under the header, when they fit. */
  readonly meters: Rect | undefined;
  /** Includes its title line (the column headers). */
  readonly list: Rect;
  readonly events: Rect | undefined;
  /** Narration (demo) or chat room, when the scope has one and it fits. */
  readonly side: Rect | undefined;
  /** Always-on detail pane (wide terminals; otherwise Enter shows it over the list). */
  readonly detail: Rect | undefined;
  /** The one-cell rule between the list and the side column (or the events and the side pane). */
  readonly divider: Rect | undefined;
  readonly footer: Rect;
}

export interface LayoutOptions {
  /** Header rows the meters take (meterShape); 0 or absent: none. */
  readonly meterRows?: number;
  /** The user hid the side column (`v`). */
  readonly sideHidden?: boolean;
  /** Columns hidden in F2: the list needs less width to keep the rest. */
  readonly hiddenColumns?: ReadonlySet<ColumnId>;
}

/** The narrowest side column; the detail pane alone takes a column only from DETAIL_COLUMN_MIN. */
export const SIDE_COLUMN_MIN_WIDTH = 40;
export const DETAIL_COLUMN_MIN = 180;
const CHART_MIN_WIDTH = 120;
const CHART_WIDTH = 40;

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** The side column's width as it would like it; it gets no more than the list spares. */
function sideColumnWidth(w: number, hasSide: boolean): number {
  if (!hasSide) return clamp(Math.round(w * 0.25), 40, 56);
  return w < 180 ? clamp(Math.round(w * 0.3), 40, 50) : clamp(Math.round(w * 0.33), 50, 70);
}

export function computeLayout(width: number, height: number, hasSide: boolean, bottom: 'events' | 'side', options: LayoutOptions = {}): Layout {
  const w = Math.max(20, width);
  const h = Math.max(8, height);
  const headerHeight = h >= 20 ? 3 : 2;
  const withChart = w >= CHART_MIN_WIDTH && headerHeight === 3;
  const header = { left: 0, top: 0, width: withChart ? w - CHART_WIDTH : w, height: headerHeight };
  const chart = withChart ? { left: w - CHART_WIDTH, top: 0, width: CHART_WIDTH, height: headerHeight } : undefined;
  const meterRows = clamp(options.meterRows ?? 0, 0, Math.max(0, h - headerHeight - 12));
  const meters = meterRows > 0 ? { left: 0, top: headerHeight, width: w, height: meterRows } : undefined;
  const footer = { left: 0, top: h - 1, width: w, height: 1 };
  const top = headerHeight + meterRows;
  const body = h - top - 1;
  const sideShown = options.sideHidden !== true;

  // One column between the list and the side column: the rule.
  const spare = w - 1 - fullListWidth(options.hiddenColumns);
  if (sideShown && (hasSide || w >= DETAIL_COLUMN_MIN) && spare >= SIDE_COLUMN_MIN_WIDTH) {
    const sideWidth = Math.min(sideColumnWidth(w, hasSide), spare);
    const mainWidth = w - sideWidth;
    const eventsHeight = clamp(Math.round(body * 0.3), 4, 12);
    const list = { left: 0, top, width: mainWidth - 1, height: body - eventsHeight };
    const events = { left: 0, top: top + list.height, width: mainWidth - 1, height: eventsHeight };
    const sideHeight = hasSide ? Math.round(body * 0.55) : 0;
    const side = hasSide ? { left: mainWidth, top, width: sideWidth, height: sideHeight } : undefined;
    const detail = { left: mainWidth, top: top + sideHeight, width: sideWidth, height: body - sideHeight };
    const divider = { left: mainWidth - 1, top, width: 1, height: body };
    return { header, chart, meters, list, events, side, detail, divider, footer };
  }

  const showSide = hasSide && sideShown;
  const bottomHeight = clamp(Math.round(body * 0.3), 3, 10);
  const list = { left: 0, top, width: w, height: body - bottomHeight };
  const bottomTop = top + list.height;
  const base = { header, chart, meters, footer, detail: undefined };
  if (showSide && w >= 90) {
    const half = Math.floor(w / 2);
    return {
      ...base,
      list,
      divider: { left: half - 1, top: bottomTop, width: 1, height: bottomHeight },
      events: { left: 0, top: bottomTop, width: half - 1, height: bottomHeight },
      side: { left: half, top: bottomTop, width: w - half, height: bottomHeight },
    };
  }
  if (showSide && body >= 16) {
    // Tall enough to stack: the lesson or the room gets the larger share, the events a few lines.
    const listHeight = Math.max(6, Math.round(body * 0.4));
    const eventsHeight = 4;
    return {
      ...base,
      divider: undefined,
      list: { left: 0, top, width: w, height: listHeight },
      events: { left: 0, top: top + listHeight, width: w, height: eventsHeight },
      side: { left: 0, top: top + listHeight + eventsHeight, width: w, height: body - listHeight - eventsHeight },
    };
  }
  const pane = { left: 0, top: bottomTop, width: w, height: bottomHeight };
  const swapped = showSide && bottom === 'side';
  return { ...base, list, divider: undefined, events: swapped ? undefined : pane, side: swapped ? pane : undefined };
}
