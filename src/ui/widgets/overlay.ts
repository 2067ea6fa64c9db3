// A framed panel over the list: help, the signal menu, or the process in full.
import type blessed from 'blessed';
import { box as makeBox } from './blessed-parts.js';
import type { Layout } from '../model/layout.js';
import type { ScreenModel } from '../model/screen.js';
import { lineWidth, type Line } from '../model/styled.js';
import { drawCellsIn, layCells, sameLines, type Cell } from './cells.js';
import type { Theme } from './theme.js';

export interface OverlayWidget {
  draw(overlay: ScreenModel['overlay'], layout: Layout, screenWidth: number, screenHeight: number): boolean;
}

export function createOverlay(screen: blessed.Widgets.Screen, theme: Theme): OverlayWidget {
  const frame = theme.look('frame');
  const box = makeBox({
    parent: screen,
    hidden: true,
    border: { type: 'line' },
    style: { border: frame.fg === undefined ? {} : { fg: frame.fg } },
  });
  const fill = theme.attr(undefined, undefined);
  let laid: Cell[][] = [];
  drawCellsIn(box, () => laid);
  let last = '';
  let lastLines: readonly Line[] | undefined;
  return {
    draw(overlay, layout, screenWidth, screenHeight) {
      if (overlay === undefined) {
        if (last === '') return false;
        last = '';
        lastLines = undefined;
        box.hide();
        return true;
      }
      const wanted = Math.max(...overlay.lines.map(lineWidth), overlay.title.length + 4) + 4;
      const rect =
        overlay.kind === 'detail'
          ? layout.list
          : {
              width: Math.min(screenWidth, wanted),
              height: Math.min(screenHeight - 1, overlay.lines.length + 2),
              left: Math.max(0, Math.floor((screenWidth - Math.min(screenWidth, wanted)) / 2)),
              top: Math.max(0, Math.floor((screenHeight - Math.min(screenHeight - 1, overlay.lines.length + 2)) / 2)),
            };
      const key = `${overlay.kind}|${overlay.title}|${rect.left},${rect.top},${rect.width},${rect.height}`;
      if (key === last && sameLines(overlay.lines, lastLines)) return false;
      last = key;
      lastLines = overlay.lines;
      Object.assign(box, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      // Titles are procview's own words (Help, Signal, Process).
      box.setLabel(` ${overlay.title} `);
      // One column of margin inside the frame.
      laid = overlay.lines.map((line) => layCells({ ...line, spans: [{ text: ' ' }, ...line.spans] }, rect.width - 2, theme, fill));
      box.show();
      box.setFront();
      return true;
    },
  };
}
