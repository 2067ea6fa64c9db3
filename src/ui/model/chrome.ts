// The text around the process list: header lines, footer (hints, messages,
// the input line) and the signal menu.
import type { TaskCounts } from './header.js';
import { intervalWords, loadShortWords, loadWords, tasksLine, uptimeWords } from './header.js';
import { line, span, textLine, type Line } from './styled.js';
import { t } from '../../text/i18n/message.js';
import { displayWidth, fit, inertFit } from './text.js';
import type { ViewState } from './view-state.js';
import type { SystemLoad } from '../../inspect/system-load.js';

export interface HeaderInfo {
  readonly version: string;
  /** Undefined before the first frame. */
  readonly host: SystemLoad | undefined;
  readonly counts: TaskCounts;
  /** The refresh interval of the frame shown; undefined before the first frame (then not shown). */
  readonly intervalMs: number | undefined;
  /** e.g. `demo zombie`, `pid 4312`; untrusted parts are still raw here. */
  readonly scope: string;
  /** Processes on the whole system, when the view is scoped. */
  readonly systemTotal: number | undefined;
  /** The event source in words (`events: kernel`, `events: polling 1 s (…)`, `· N events lost`). */
  readonly events: string | undefined;
}

/**
 * Version, uptime, load, interval, event source. Where that does not fit (at 120 columns the
 * chart leaves 80), the load loses its label, then the version number goes (--version has it),
 * so that the event source at the end, kernel or polling, stays readable.
 */
function firstHeaderText(info: HeaderInfo, room: number): string {
  const interval = info.intervalMs === undefined ? '' : ` · ${intervalWords(info.intervalMs)}`;
  const events = info.events === undefined ? '' : ` · ${info.events}`;
  const host = info.host;
  if (host === undefined) return fit(`procview ${info.version} · ${t('ui.header.reading')}${interval}${events}`, room).trimEnd();
  const uptime = uptimeWords(host.uptimeSeconds);
  const shortest = `procview · ${uptime} · ${loadShortWords(host.load)}${interval}${events}`;
  const longer = [
    `procview ${info.version} · ${uptime} · ${loadWords(host.load)}${interval}${events}`,
    `procview ${info.version} · ${uptime} · ${loadShortWords(host.load)}${interval}${events}`,
  ];
  return fit(longer.find((text) => displayWidth(text) <= room) ?? shortest, room).trimEnd();
}

export function headerLines(info: HeaderInfo, view: ViewState, width: number, height: number): Line[] {
  const paused = view.paused ? t('ui.header.paused') : '';
  const firstLine = line([span(firstHeaderText(info, width - displayWidth(paused))), ...(paused === '' ? [] : [span(paused, 'paused')])]);
  const zombies = info.counts.zombie > 0;
  const room = width - (zombies ? 2 : 0);
  const tasksText = fit(tasksLine(info.counts, room), room).trimEnd();
  const tasks = (more: string): Line => line([span(tasksText), ...(zombies ? [span(' ●', 'alert')] : []), ...(more === '' ? [] : [span(more)])]);
  const of = info.systemTotal === undefined ? '' : t('ui.header.ofSystem', { total: info.systemTotal });
  const filter = view.filter === '' ? '' : t('ui.header.filter', { filter: view.filter });
  const user = view.user === '' ? '' : t('ui.header.user', { user: view.user });
  const kernel = view.showKernel || info.counts.kernel === 0 ? '' : t('ui.header.kernelHidden', { count: info.counts.kernel });
  const follow = view.follow === undefined ? '' : t('ui.header.following', { pid: view.follow });
  // Scope and filter words can hold untrusted text (a NAME, a typed filter): inertFit sanitizes.
  const scope = (room: number): string =>
    inertFit(
      t('ui.header.scope', {
        scope: info.scope,
        of,
        mode: view.mode === 'tree' ? t('ui.mode.tree') : t('ui.mode.table'),
        rest: `${filter}${user}${kernel}${follow}`,
      }),
      room,
    ).trimEnd();
  if (height <= 1) return [tasks('')];
  const left = width - displayWidth(tasksLine(info.counts, width)) - 5;
  if (height === 2) return [firstLine, left < 12 ? tasks('') : tasks(` · ${scope(left)}`)];
  return [firstLine, tasks(''), textLine(scope(width))];
}

export function footerLine(view: ViewState, width: number, canSay: boolean): Line {
  const overlay = view.overlay;
  if (overlay.kind === 'input') {
    const prompt = overlay.purpose === 'filter' ? t('ui.prompt.filter') : overlay.purpose === 'user' ? t('ui.prompt.user') : t('ui.prompt.say');
    const hint = overlay.purpose === 'say' ? t('ui.prompt.sayHint') : t('ui.prompt.keepHint');
    const typed = inertFit(overlay.text, Math.max(1, width - displayWidth(prompt) - displayWidth(hint) - 1)).trimEnd();
    return line([span(prompt, 'prompt'), span(`${typed}▏${hint}`)]);
  }
  if (view.message !== undefined) {
    return textLine(inertFit(view.message.text, width), view.message.tone === 'error' ? 'error' : 'info');
  }
  return textLine(fit(footerHints(overlay.kind, canSay), width));
}

/** The keys the open overlay answers to: with a panel or menu open, q closes it or does nothing, and does not quit. */
function footerHints(overlay: ViewState['overlay']['kind'], canSay: boolean): string {
  switch (overlay) {
    case 'detail':
      return t('ui.footer.detail');
    case 'help':
      return t('ui.footer.help');
    case 'setup':
      return t('ui.footer.setup');
    case 'signal':
      return t('ui.footer.signal');
    case 'confirm':
      return t('ui.footer.confirm');
    default:
      return t('ui.footer.hints', { say: canSay ? t('ui.footer.say') : '' });
  }
}
