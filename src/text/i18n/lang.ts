// Which language procview speaks to a person. One choice per process: the
// `--lang en|zh` flag (cli-main.ts takes it off any command line), else
// PROCVIEW_LANG (`en` or `zh`: how procview hands its choice to the processes
// it starts, such as a lesson's children, which have no command line of
// procview's; any other value is ignored), else the locale in POSIX
// precedence (LC_ALL, then LC_MESSAGES, then LANG; the first one set and
// non-empty wins, as setlocale(3) reads them), zh_* meaning Chinese;
// anything else is English. `--json` and metrics never go through here.

export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The variable a parent sets so its children speak its language (`--lang` outranks it, the locale yields to it). */
export const LANG_ENV = 'PROCVIEW_LANG';

/**
 * The language an environment names: PROCVIEW_LANG when it is `en` or `zh`,
 * else the locale (`zh`, `zh_CN.UTF-8`, `zh_TW@...` are Chinese).
 */
export function languageFromEnv(env: NodeJS.ProcessEnv): Lang {
  const handed = env[LANG_ENV];
  if (handed !== undefined && isLang(handed)) return handed;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh(?:[_.@-]|$)/iu.test(locale) ? 'zh' : 'en';
}

let chosen: Lang | undefined;

/** The language of this process: set by the flag, else read once from the environment. */
export function currentLanguage(): Lang {
  chosen ??= languageFromEnv(process.env);
  return chosen;
}

/** The environment entry that makes a child process speak this process's language. */
export function languageEnv(): Readonly<Record<typeof LANG_ENV, Lang>> {
  return { [LANG_ENV]: currentLanguage() };
}

/** Set by `--lang` (and by tests); `undefined` goes back to the environment's choice. */
export function setLanguage(lang: Lang | undefined): void {
  chosen = lang;
}

/**
 * `--lang X` / `--lang=X` taken off a command line (up to `--`, or up to the
 * first word that is not an option when `stopAtWord`: `procview run CMD ...`
 * hands CMD its own flags; `valueFlags` take the word after them). `lang` is the value as given (checked by the
 * caller), `rest` the command line without it; `missing` when `--lang` ends the line, without its value.
 */
export function takeLangFlag(
  argv: readonly string[],
  stopAtWord: boolean,
  valueFlags: readonly string[] = [],
): { lang: string | undefined; rest: string[]; missing?: true } {
  const rest: string[] = [];
  let lang: string | undefined;
  let i = 0;
  for (; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--' || (stopAtWord && !arg.startsWith('-'))) break;
    if (arg === '--lang' && i + 1 >= argv.length) {
      // Left in place: the caller says the value is missing (or, for chat, the command does).
      return { lang: undefined, rest: [...argv], missing: true };
    }
    if (arg === '--lang') {
      lang = argv[i + 1];
      i += 1;
    } else if (stopAtWord && valueFlags.includes(arg)) {
      // An option's value is not the command word.
      rest.push(arg, ...argv.slice(i + 1, i + 2));
      i += 1;
    } else if (arg.startsWith('--lang=')) {
      lang = arg.slice('--lang='.length);
    } else {
      rest.push(arg);
    }
  }
  return { lang, rest: [...rest, ...argv.slice(i)] };
}
