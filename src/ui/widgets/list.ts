// The process list: column titles and the visible rows, as the view model
// wrote them. Clicks are reported as "title at x" or "row n of the window".
import type blessed from 'blessed';
import type { Rect } from '../model/layout.js';
import type { ListLines } from '../model/list-lines.js';
import { createPane } from './pane.js';
import type { Theme } from './theme.js';

export type ListClick = { readonly kind: 'title'; readonly x: number } | { readonly kind: 'row'; readonly index: number };

export interface ListWidget {
  place(rect: Rect): boolean;
  draw(list: ListLines): boolean;
}

export function createList(screen: blessed.Widgets.Screen, theme: Theme, onClick: (click: ListClick) => void, onWheel: (step: number) => void): ListWidget {
  const pane = createPane(screen, theme);
  const { box } = pane;
  box.on('click', (data: blessed.Widgets.Events.IMouseEventArg) => {
    const x = data.x - Number(box.aleft);
    const y = data.y - Number(box.atop);
    onClick(y <= 0 ? { kind: 'title', x } : { kind: 'row', index: y - 1 });
  });
  box.on('wheelup', () => onWheel(-3));
  box.on('wheeldown', () => onWheel(3));
  return {
    place: (rect) => pane.place(rect),
    draw: (list) => pane.draw(undefined, [list.title, ...list.lines]),
  };
}
