// The parts of blessed the dashboard draws with, taken from blessed's own
// files (blessed 0.1.81, lib/). Its entry point (require('blessed')) loads
// all 34 of its widgets — forms, file manager, image and video players, a
// terminal emulator — before anything is drawn: about a third of blessed's
// load time at every dashboard start, for widgets procview never makes. A
// screen, boxes, the colour table and the unicode table are all it uses.
import { createRequire } from 'node:module';
import type blessed from 'blessed';

const load = createRequire(import.meta.url);

export const screen = load('blessed/lib/widgets/screen') as typeof blessed.screen;
export const box = load('blessed/lib/widgets/box') as typeof blessed.box;
export const colors = load('blessed/lib/colors') as typeof blessed.colors;
/** Not in @types/blessed: blessed-width.ts describes what it uses. */
export const unicode = load('blessed/lib/unicode') as unknown;
