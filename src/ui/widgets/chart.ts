// The history chart in the header: sparklines of the process count and the
// zombie count of the scope, one column per refresh, each titled with its
// scale (the lowest and highest value shown, as the bars run min..max). Drawn
// here rather than with blessed-contrib, whose other widgets would bring ~40
// packages (and an advisory, through its map) into every install for one line
// of blocks.
import type blessed from 'blessed';
import { box as makeBox } from './blessed-parts.js';
import { t } from '../../text/i18n/message.js';
import type { Rect } from '../model/layout.js';
import type { Chart } from '../model/screen.js';
import { sparkline } from '../model/sparkline.js';
import type { Theme } from './theme.js';

export interface ChartWidget {
  place(rect: Rect | undefined): boolean;
  draw(chart: Chart | undefined): boolean;
}

/** `procs 12-40` — what the lowest and the highest bar stand for (the sparkline adds a colon). */
export function scaleTitle(name: string, values: readonly number[]): string {
  if (values.length === 0) return name;
  return `${name} ${Math.min(...values)}-${Math.max(...values)}`;
}

interface Series {
  readonly box: blessed.Widgets.BoxElement;
  readonly name: string;
  readonly colour: string;
}

/** A blank line, the title with its scale, the sparks: three rows, as the header's right side has them. */
function show(series: Series, values: readonly number[]): void {
  const { box, name, colour } = series;
  const title = `{bold}{${colour}-fg}${scaleTitle(name, values)}:{/${colour}-fg}{/bold}`;
  box.setContent(`\n${title}\n${sparkline(values.length > 0 ? values : [0])}`);
}

export function createChart(screen: blessed.Widgets.Screen, theme: Theme): ChartWidget {
  const make = (name: string, role: 'observed' | 'event-zombie'): Series => {
    // The title is written in a colour tag; `default` is the terminal's own (no colour SGR).
    const colour = theme.look(role).fg ?? 'default';
    const box = makeBox({ tags: true, hidden: true, style: { fg: colour } });
    screen.append(box);
    return { box, name, colour };
  };
  const procSeries = make(t('ui.chart.procs'), 'observed');
  const zombieSeries = make(t('ui.chart.zombies'), 'event-zombie');
  const procs = procSeries.box;
  const zombies = zombieSeries.box;
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
      Object.assign(procs, { left: rect.left, top: rect.top, width, height: rect.height });
      Object.assign(zombies, { left: rect.left + width, top: rect.top, width: rect.width - width, height: rect.height });
      procs.show();
      zombies.show();
      return true;
    },
    draw(chart) {
      if (chart === undefined) return false;
      // The newest values that fit, leaving the box's last two columns free.
      const recent = (list: readonly number[]): number[] => list.slice(-Math.max(1, width - 2));
      const p = recent(chart.procs);
      const z = recent(chart.zombies);
      const key = `${p.join(',')}|${z.join(',')}`;
      if (key === last) return false;
      last = key;
      show(procSeries, p);
      show(zombieSeries, z);
      return true;
    },
  };
}
