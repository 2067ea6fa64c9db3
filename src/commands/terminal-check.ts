// Whether the dashboard can draw here: it needs a terminal on stdout that
// understands cursor movement. TERM=dumb (Emacs shell buffers, some CI logs)
// is a terminal that does not, and blessed would fill it with escape codes.
import { t } from '../text/i18n/message.js';

/** Why the dashboard cannot draw on this stdout, or undefined when it can. */
export function cannotDraw(stdout: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): string | undefined {
  if (stdout.isTTY !== true) return t('cli.cannotDraw.notTerminal');
  if (env.TERM === 'dumb') return t('cli.cannotDraw.dumb');
  return undefined;
}
