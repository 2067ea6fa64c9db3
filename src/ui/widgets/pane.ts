// A text pane: a blessed box showing the lines the view model computed, with
// an optional title bar, laid into cells by procview's width (cells.ts). It
// remembers what it drew and touches blessed only when the text or the place
// changed.
import type blessed from 'blessed';
import { box as makeBox } from './blessed-parts.js';
import type { Rect } from '../model/layout.js';
import { textLine, type Line } from '../model/styled.js';
import { inertFit } from '../model/text.js';
import { drawCellsIn, layCells, sameLines, type Cell } from './cells.js';
import type { Theme } from './theme.js';

export interface Pane {
  readonly box: blessed.Widgets.BoxElement;
  /** Moves or hides the pane; true when something changed. */
  place(rect: Rect | undefined): boolean;
  /** Title (plain text, made inert here) and lines; true when something changed. */
  draw(title: string | undefined, lines: readonly Line[]): boolean;
}

export function createPane(screen: blessed.Widgets.Screen, theme: Theme): Pane {
  const box = makeBox({ parent: screen, hidden: true, style: { fg: 'default', bg: 'default' } });
  // The box's own blank: the terminal's default colours, no attribute.
  const fill = theme.attr(undefined, undefined);
  let lastRect = '';
  let lastTitle: string | undefined;
  let lastLines: readonly Line[] | undefined;
  let width = 0;
  let laid: Cell[][] = [];
  drawCellsIn(box, () => laid);

  return {
    box,
    place(rect) {
      const key = rect === undefined ? 'hidden' : `${rect.left},${rect.top},${rect.width},${rect.height}`;
      if (key === lastRect) return false;
      lastRect = key;
      lastLines = undefined;
      if (rect === undefined) {
        box.hide();
        return true;
      }
      width = rect.width;
      box.left = rect.left;
      box.top = rect.top;
      box.width = rect.width;
      box.height = rect.height;
      box.show();
      return true;
    },
    draw(title, lines) {
      if (title === lastTitle && sameLines(lines, lastLines)) return false;
      lastTitle = title;
      lastLines = lines;
      // A title can carry untrusted words (a chat room's address found in a process title).
      const head = title === undefined ? [] : [textLine(inertFit(` ${title}`, width), 'title')];
      laid = [...head, ...lines].map((line) => layCells(line, width, theme, fill));
      return true;
    },
  };
}
