// Where each pane goes for a terminal size. Wide terminals get a side column
// (narration or chat above the detail pane); narrow ones keep the list full
// width and share the bottom between the events and the side pane. 60x15
// still shows the task counts, seven process rows and three events.

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

const WIDE = 110;
const CHART_MIN_WIDTH = 120;
const CHART_WIDTH = 40;

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

export function computeLayout(width: number, height: number, hasSide: boolean, bottom: 'events' | 'side'): Layout {
  const w = Math.max(20, width);
  const h = Math.max(8, height);
  const headerHeight = h >= 20 ? 3 : 2;
  const withChart = w >= CHART_MIN_WIDTH && headerHeight === 3;
  const header = { left: 0, top: 0, width: withChart ? w - CHART_WIDTH : w, height: headerHeight };
  const chart = withChart ? { left: w - CHART_WIDTH, top: 0, width: CHART_WIDTH, height: headerHeight } : undefined;
  const footer = { left: 0, top: h - 1, width: w, height: 1 };
  const top = headerHeight;
  const body = h - headerHeight - 1;

  if (w >= WIDE) {
    // Narration wants room to read; the detail pane alone less, leaving COMMAND wider.
    const sideWidth = hasSide ? clamp(Math.round(w * 0.38), 40, 70) : clamp(Math.round(w * 0.3), 36, 56);
    const mainWidth = w - sideWidth;
    const eventsHeight = clamp(Math.round(body * 0.3), 4, 12);
    // One blank column between the list and the side column.
    const list = { left: 0, top, width: mainWidth - 1, height: body - eventsHeight };
    const events = { left: 0, top: top + list.height, width: mainWidth - 1, height: eventsHeight };
    const sideHeight = hasSide ? Math.round(body * 0.55) : 0;
    const side = hasSide ? { left: mainWidth, top, width: sideWidth, height: sideHeight } : undefined;
    const detail = { left: mainWidth, top: top + sideHeight, width: sideWidth, height: body - sideHeight };
    const divider = { left: mainWidth - 1, top, width: 1, height: body };
    return { header, chart, list, events, side, detail, divider, footer };
  }

  const bottomHeight = clamp(Math.round(body * 0.3), 3, 10);
  const list = { left: 0, top, width: w, height: body - bottomHeight };
  const bottomTop = top + list.height;
  if (hasSide && w >= 90) {
    const half = Math.floor(w / 2);
    return {
      header,
      chart,
      list,
      footer,
      detail: undefined,
      divider: { left: half - 1, top: bottomTop, width: 1, height: bottomHeight },
      events: { left: 0, top: bottomTop, width: half - 1, height: bottomHeight },
      side: { left: half, top: bottomTop, width: w - half, height: bottomHeight },
    };
  }
  if (hasSide && body >= 16) {
    // Tall enough to stack: the lesson or the room gets the larger share, the events a few lines.
    const listHeight = Math.max(6, Math.round(body * 0.4));
    const eventsHeight = 4;
    return {
      header,
      chart,
      footer,
      detail: undefined,
      divider: undefined,
      list: { left: 0, top, width: w, height: listHeight },
      events: { left: 0, top: top + listHeight, width: w, height: eventsHeight },
      side: { left: 0, top: top + listHeight + eventsHeight, width: w, height: body - listHeight - eventsHeight },
    };
  }
  const pane = { left: 0, top: bottomTop, width: w, height: bottomHeight };
  const showSide = hasSide && bottom === 'side';
  return { header, chart, list, footer, detail: undefined, divider: undefined, events: showSide ? undefined : pane, side: showSide ? pane : undefined };
}
