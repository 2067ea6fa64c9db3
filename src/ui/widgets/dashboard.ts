// Every widget of the dashboard, placed and drawn from one layout and one
// screen model. Returns whether anything changed, so the caller renders only then.
import type blessed from 'blessed';
import type { Layout } from '../model/layout.js';
import type { ScreenModel } from '../model/screen.js';
import { createChart } from './chart.js';
import { createList, type ListClick } from './list.js';
import { createOverlay } from './overlay.js';
import { createPane } from './pane.js';

export interface DashboardWidgets {
  draw(model: ScreenModel, layout: Layout): boolean;
}

export function createWidgets(
  screen: blessed.Widgets.Screen,
  onClick: (click: ListClick) => void,
  onWheel: (step: number) => void,
): DashboardWidgets {
  const header = createPane(screen);
  const chart = createChart(screen);
  const list = createList(screen, onClick, onWheel);
  const events = createPane(screen);
  const side = createPane(screen);
  const detail = createPane(screen, { wrap: true });
  const footer = createPane(screen);
  const overlay = createOverlay(screen);
  return {
    draw(model, layout) {
      // Every step runs (no short-circuit): each widget keeps its own last state.
      const changes = [
        header.place(layout.header),
        header.draw(undefined, model.header),
        chart.place(layout.chart),
        chart.draw(model.chart),
        list.place(layout.list),
        list.draw(model.list),
        events.place(layout.events),
        model.events !== undefined && events.draw(model.events.title, model.events.lines),
        side.place(layout.side),
        model.side !== undefined && side.draw(model.side.title, model.side.lines),
        detail.place(layout.detail),
        model.detail !== undefined && detail.draw(model.detail.title, model.detail.lines),
        footer.place(layout.footer),
        footer.draw(undefined, [model.footer]),
        overlay.draw(model.overlay, layout, layout.footer.width, layout.footer.top + 1),
      ];
      return changes.includes(true);
    },
  };
}
