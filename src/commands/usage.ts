// How a usage error is shown: one line naming the problem (cli-main.ts), then one
// usage line. The errors themselves live in base/errors.ts.
import { t } from '../text/i18n/message.js';
import { displayWidth } from '../text/width.js';

/** How every usage text in the code begins (English); the reader's language replaces it. */
const ENGLISH_LABEL = 'Usage: ';

/** The synopsis after the English label, or undefined for a text without it. */
function afterLabel(line: string): string | undefined {
  return line.startsWith(ENGLISH_LABEL) ? line.slice(ENGLISH_LABEL.length) : undefined;
}

/**
 * The one usage line printed after a usage error: the first line of `usage`,
 * pointing at the full help when there is more of it (the README promises one
 * line naming the problem and one usage line, whatever the command).
 */
export function usageLine(usage: string, helpCommand?: string): string {
  const [first = usage, ...more] = usage.split('\n');
  // A synopsis that names its help already (`procview chat server --help for more`) says which.
  const hint =
    helpCommand ?? /\((procview[a-z ]*) --help for more\)$/u.exec(first.trimEnd())?.[1] ?? /^Usage: (procview(?: [a-z]+)?)/u.exec(first)?.[1] ?? 'procview';
  const english = more.length === 0 || first.includes('--help for more') ? first.trimEnd() : `${first.trimEnd()}   (${hint} --help for more)`;
  return inLanguage(english, hint);
}

/**
 * A usage block of several lines (`Usage: procview chat server …` and its continuation lines,
 * aligned under the first synopsis) in the reader's language: the label is the catalog's, and
 * the continuation lines move with its width.
 */
export function usageBlock(english: string): string {
  const [first = english, ...rest] = english.split('\n');
  const synopsis = afterLabel(first);
  if (synopsis === undefined) return english;
  const label = t('cli.usage.line', { synopsis: '', more: '' });
  const under = ' '.repeat(ENGLISH_LABEL.length);
  const indent = (line: string): string => (line.startsWith(under) ? `${' '.repeat(displayWidth(label))}${line.slice(under.length)}` : line);
  return [`${label}${synopsis}`, ...rest.map(indent)].join('\n');
}

/** The English usage line in the reader's language: the synopsis is the same, the words around it are not. */
function inLanguage(english: string, hint: string): string {
  const more = `   (${hint} --help for more)`;
  const synopsis = afterLabel(english);
  if (synopsis === undefined) return english;
  const bare = synopsis.endsWith(more) ? synopsis.slice(0, -more.length) : synopsis;
  return t('cli.usage.line', { synopsis: bare, more: bare === synopsis ? '' : t('cli.usage.more', { command: hint }) });
}
