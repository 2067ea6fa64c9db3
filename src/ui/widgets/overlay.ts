// A framed panel over the list: help, the signal menu, or the process in full.
import blessed from 'blessed';
import type { Layout } from '../model/layout.js';
import type { ScreenModel } from '../model/screen.js';
import { displayWidth, inert } from '../model/text.js';

export interface OverlayWidget {
  draw(overlay: ScreenModel['overlay'], layout: Layout, screenWidth: number, screenHeight: number): boolean;
}

/** Visible width of a tagged line (tags and `{open}`/`{close}` counted as drawn). */
function drawnWidth(line: string): number {
  return displayWidth(line.replace(/\{open\}|\{close\}/g, '.').replace(/\{\/?[a-z-]*\}/g, ''));
}

export function createOverlay(screen: blessed.Widgets.Screen): OverlayWidget {
  const box = blessed.box({
    parent: screen,
    tags: true,
    hidden: true,
    border: { type: 'line' },
    style: { border: { fg: 'cyan' } },
    wrap: true,
  });
  let last = '';
  return {
    draw(overlay, layout, screenWidth, screenHeight) {
      if (overlay === undefined) {
        if (last === '') return false;
        last = '';
        box.hide();
        return true;
      }
      const content = overlay.lines.join('\n');
      const wanted = Math.max(...overlay.lines.map(drawnWidth), overlay.title.length + 4) + 4;
      const rect =
        overlay.kind === 'detail'
          ? layout.list
          : {
              width: Math.min(screenWidth, wanted),
              height: Math.min(screenHeight - 1, overlay.lines.length + 2),
              left: Math.max(0, Math.floor((screenWidth - Math.min(screenWidth, wanted)) / 2)),
              top: Math.max(0, Math.floor((screenHeight - Math.min(screenHeight - 1, overlay.lines.length + 2)) / 2)),
            };
      const key = `${overlay.kind}|${rect.left},${rect.top},${rect.width},${rect.height}|${content}`;
      if (key === last) return false;
      last = key;
      Object.assign(box, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      box.setLabel(` ${inert(overlay.title)} `);
      box.setContent(content);
      box.show();
      box.setFront();
      return true;
    },
  };
}
