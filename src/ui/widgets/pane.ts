// A text pane: a blessed box showing tagged lines the view model computed,
// with an optional title bar. It remembers what it drew and touches blessed
// only when the text or the place changed.
import blessed from 'blessed';
import type { Rect } from '../model/layout.js';
import { inertFit } from '../model/text.js';

export interface Pane {
  readonly box: blessed.Widgets.BoxElement;
  /** Moves or hides the pane; true when something changed. */
  place(rect: Rect | undefined): boolean;
  /** Title (plain text, made inert here) and tagged lines; true when something changed. */
  draw(title: string | undefined, lines: readonly string[]): boolean;
}

export interface PaneOptions {
  /** Let blessed wrap long lines (the detail pane); others are cut by the view model. */
  readonly wrap?: boolean;
}

export function createPane(screen: blessed.Widgets.Screen, options: PaneOptions = {}): Pane {
  const box = blessed.box({
    parent: screen,
    tags: true,
    wrap: options.wrap ?? false,
    hidden: true,
    style: { fg: 'default', bg: 'default' },
  });
  let lastRect = '';
  let lastContent: string | undefined;
  let width = 0;

  return {
    box,
    place(rect) {
      const key = rect === undefined ? 'hidden' : `${rect.left},${rect.top},${rect.width},${rect.height}`;
      if (key === lastRect) return false;
      lastRect = key;
      lastContent = undefined;
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
      // A title can carry untrusted words (a chat room's address found in a process title).
      const head = title === undefined ? [] : [`{inverse}${inertFit(` ${title}`, width)}{/inverse}`];
      const content = [...head, ...lines].join('\n');
      if (content === lastContent) return false;
      lastContent = content;
      box.setContent(content);
      return true;
    },
  };
}
