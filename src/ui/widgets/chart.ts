// The history chart in the header: blessed-contrib sparklines of the process
// count and the zombie count of the scope, one column per refresh.
import type blessed from 'blessed';
import sparkline from 'blessed-contrib/lib/widget/sparkline.js';
import type { Rect } from '../model/layout.js';
import type { Chart } from '../model/screen.js';

export interface ChartWidget {
  place(rect: Rect | undefined): boolean;
  draw(chart: Chart | undefined): boolean;
}

export function createChart(screen: blessed.Widgets.Screen): ChartWidget {
  const make = (colour: string): ReturnType<typeof sparkline> => {
    const widget = sparkline({ tags: true, hidden: true, style: { fg: colour, titleFg: colour } });
    screen.append(widget);
    return widget;
  };
  const procs = make('cyan');
  const zombies = make('magenta');
  let lastRect = '';
  let last = '';
  let width = 0;
  return {
    place(rect) {
      const key = rect === undefined ? 'hidden' : `${rect.left},${rect.top},${rect.width},${rect.height}`;
      if (key === lastRect) return false;
      lastRect = key;
      last = '';
      if (rect === undefined) {
        procs.hide();
        zombies.hide();
        return true;
      }
      width = Math.floor(rect.width / 2);
      // setData starts with an empty line, so three rows show: blank, title, sparks.
      Object.assign(procs, { left: rect.left, top: rect.top, width, height: rect.height });
      Object.assign(zombies, { left: rect.left + width, top: rect.top, width: rect.width - width, height: rect.height });
      procs.show();
      zombies.show();
      return true;
    },
    draw(chart) {
      if (chart === undefined) return false;
      // setData keeps the first width-2 values; hand it the newest ones.
      const recent = (list: readonly number[]): number[] => list.slice(-Math.max(1, width - 2));
      const p = recent(chart.procs);
      const z = recent(chart.zombies);
      const key = `${p.join(',')}|${z.join(',')}`;
      if (key === last) return false;
      last = key;
      procs.setData(['processes'], [p.length > 0 ? p : [0]]);
      zombies.setData(['zombies'], [z.length > 0 ? z : [0]]);
      return true;
    },
  };
}
