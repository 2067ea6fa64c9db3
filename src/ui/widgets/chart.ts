// The history chart in the header: blessed-contrib sparklines of the process
// count and the zombie count of the scope, one column per refresh, each titled
// with its scale (the lowest and highest value shown, as the bars run min..max).
import type blessed from 'blessed';
import sparkline from 'blessed-contrib/lib/widget/sparkline.js';
import type { Rect } from '../model/layout.js';
import type { Chart } from '../model/screen.js';
import type { Theme } from './theme.js';

export interface ChartWidget {
  place(rect: Rect | undefined): boolean;
  draw(chart: Chart | undefined): boolean;
}

/** `processes 12..40` — what the lowest and the highest bar stand for. */
export function scaleTitle(name: string, values: readonly number[]): string {
  if (values.length === 0) return name;
  return `${name} ${Math.min(...values)}..${Math.max(...values)}`;
}

export function createChart(screen: blessed.Widgets.Screen, theme: Theme): ChartWidget {
  const make = (role: 'observed' | 'event-zombie'): ReturnType<typeof sparkline> => {
    // The sparkline writes its title in a colour tag; `default` is the terminal's own (no colour SGR).
    const colour = theme.look(role).fg ?? 'default';
    const widget = sparkline({ tags: true, hidden: true, style: { fg: colour, titleFg: colour } });
    screen.append(widget);
    return widget;
  };
  const procs = make('observed');
  const zombies = make('event-zombie');
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
      procs.setData([scaleTitle('processes', p)], [p.length > 0 ? p : [0]]);
      zombies.setData([scaleTitle('zombies', z)], [z.length > 0 ? z : [0]]);
      return true;
    },
  };
}
