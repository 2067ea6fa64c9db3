// What a dashboard (live or replay) prints when it ends by an uncaught error.
import { t } from '../text/i18n/message.js';
import { sanitizeLines } from '../text/sanitize.js';

/** One stderr report; an error message may quote a process name or a command line, so it is written inert. */
export function reportCrash(error: unknown): void {
  process.stderr.write(
    `procview: ${t('cli.error.internal', { text: sanitizeLines(error instanceof Error ? (error.stack ?? error.message) : String(error)) })}\n`,
  );
}
