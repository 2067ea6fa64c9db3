// Every widget of the dashboard, placed and drawn from one layout and one
// screen model. Returns whether anything changed, so the caller renders only then.
import type blessed from 'blessed';
import type { Layout } from '../model/layout.js';
import type { ScreenModel } from '../model/screen.js';
import { textLine, type Line } from '../model/styled.js';
import { createChart } from './chart.js';
import { createList, type ListClick } from './list.js';
import { createOverlay } from './overlay.js';
import { createPane } from './pane.js';
import type { Theme } from './theme.js';

// The rule between the list and the side column: a frame character per row.
const rules = new Map<number, readonly Line[]>();
function ruleLines(height: number): readonly Line[] {
  let made = rules.get(height);
  if (made === undefined) {
    made = Array.from({ length: height }, () => textLine('│', 'frame'));
    rules.set(height, made);
  }
  return made;
}

export interface DashboardWidgets {
  draw(model: ScreenModel, layout: Layout): boolean;
  /** Clears the terminal and draws every cell again: blessed only writes cells it thinks changed. */
  repaint(): void;
}

export function createWidgets(
  screen: blessed.Widgets.Screen,
  theme: Theme,
  onClick: (click: ListClick) => void,
  onWheel: (step: number) => void,
  onPaneWheel: (pane: 'events' | 'side', step: number) => void,
): DashboardWidgets {
  const header = createPane(screen, theme);
  const chart = createChart(screen, theme);
  const list = createList(screen, theme, onClick, onWheel);
  const events = createPane(screen, theme);
  const side = createPane(screen, theme);
  const meters = createPane(screen, theme);
  events.box.on('wheelup', () => onPaneWheel('events', -3));
  events.box.on('wheeldown', () => onPaneWheel('events', 3));
  side.box.on('wheelup', () => onPaneWheel('side', -3));
  side.box.on('wheeldown', () => onPaneWheel('side', 3));
  const detail = createPane(screen, theme);
  const footer = createPane(screen, theme);
  const divider = createPane(screen, theme);
  const overlay = createOverlay(screen, theme);
  return {
    draw(model, layout) {
      // Every step runs (no short-circuit): each widget keeps its own last state.
      const changes = [
        header.place(layout.header),
        header.draw(undefined, model.header),
        chart.place(layout.chart),
        meters.place(layout.meters),
        layout.meters !== undefined && meters.draw(undefined, model.meters),
        chart.draw(model.chart),
        list.place(layout.list),
        list.draw(model.list),
        events.place(layout.events),
        model.events !== undefined && events.draw(model.events.title, model.events.lines),
        side.place(layout.side),
        model.side !== undefined && side.draw(model.side.title, model.side.lines),
        detail.place(layout.detail),
        model.detail !== undefined && detail.draw(model.detail.title, model.detail.lines),
        divider.place(layout.divider),
        layout.divider !== undefined && divider.draw(undefined, ruleLines(layout.divider.height)),
        footer.place(layout.footer),
        footer.draw(undefined, [model.footer]),
        overlay.draw(model.overlay, layout, layout.footer.width, layout.footer.top + 1),
      ];
      return changes.includes(true);
    },
    repaint() {
      screen.realloc();
      screen.render();
    },
  };
}
