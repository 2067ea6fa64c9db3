// What the `procview` command does with its arguments: main() only
// dispatches; each command lives in src/commands/ and resolves to its exit
// code (zx style: set process.exitCode, never call process.exit from deep
// inside). Two entries run it: cli.ts (`node dist/cli.js`, module by module)
// and bin/procview.cts (the installed command: ps and tree from a bundle).
// Startup is most of a one-shot command's time, so this file imports none of
// ours up front but the few lines every process needs first (inspector-signal):
// each command loads what it needs, --version and --help load one small module,
// and the error path loads its own. What it says to a person (help, errors) is
// in the message catalogs (src/text/i18n/).
import { refuseInspectorSignal } from './base/inspector-signal.js';

/** Every command's entry point: argv after the command name; resolves to the exit code. */
type CommandMain = (argv: readonly string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<CommandMain>> = {
  ps: async () => (await import('./commands/ps.js')).main,
  tree: async () => (await import('./commands/tree.js')).main,
  demo: async () => (await import('./commands/demo.js')).main,
  chat: async () => (await import('./commands/chat.js')).main,
  serve: async () => (await import('./commands/serve.js')).main,
  events: async () => (await import('./commands/events.js')).main,
  run: async () => (await import('./commands/run.js')).main,
  record: async () => (await import('./commands/record.js')).main,
  replay: async () => (await import('./commands/replay.js')).main,
};

/** The usage line after a bad --lang: the flag belongs to no command in particular. */
const LANG_USAGE = 'Usage: procview [COMMAND] [OPTIONS] [--lang en|zh]';

/** Options of `run` that take a value: the word after them is not the command to run. */
const RUN_VALUE_FLAGS = ['-d', '--delay', '--events', '--record'];

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  refuseInspectorSignal();
  let chosen: readonly string[];
  try {
    chosen = await chooseLanguage(argv);
  } catch (error) {
    return await reportError(error);
  }
  return await dispatch(chosen);
}

/**
 * `--lang en|zh` is understood on every command: taken off the command line
 * here and made this process's language; without it the locale decides
 * (text/i18n/lang.ts).
 */
async function chooseLanguage(argv: readonly string[]): Promise<readonly string[]> {
  if (!argv.some((arg) => arg === '--lang' || arg.startsWith('--lang='))) return argv;
  const { isLang, setLanguage, takeLangFlag } = await import('./text/i18n/lang.js');
  const { t } = await import('./text/i18n/message.js');
  const [first, ...after] = argv;
  const command = first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined;
  const { lang, rest, missing } = command === undefined ? takeLangFlag(argv, false) : takeLangFlag(after, command === 'run', RUN_VALUE_FLAGS);
  // `chat server` and `chat client` take --lang themselves (it is also their room's language) and check it.
  const chatTakesIt = command === 'chat' && (after[0] === 'server' || after[0] === 'client');
  if (missing === true && !chatTakesIt) {
    // As parseArgs says it for every other option that lacks its value (commands/args.ts).
    const { UsageError } = await import('./base/errors.js');
    throw new UsageError(t('cli.error.optionNeedsValue', { option: '--lang' }), LANG_USAGE);
  }
  if (lang === undefined) return argv;
  if (!isLang(lang)) {
    if (chatTakesIt) return argv;
    const { UsageError } = await import('./base/errors.js');
    throw new UsageError(t('cli.error.lang', { lang }), LANG_USAGE);
  }
  setLanguage(lang);
  if (chatTakesIt) return argv;
  return command === undefined ? rest : [command, ...rest];
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-V') {
    const { packageVersion } = await import('./base/version.js');
    process.stdout.write(`procview ${packageVersion()}\n`);
    return 0;
  }
  // `procview help ps` is `procview ps --help`.
  if (first === 'help' && rest[0] !== undefined) return dispatch([rest[0], '--help']);
  if (first === '--help' || first === '-h' || first === 'help') {
    const { t } = await import('./text/i18n/message.js');
    process.stdout.write(`${t('cli.help.title')}\n\n${t('cli.help.usage')}\n\n${t('cli.help.events')}\n`);
    return 0;
  }
  try {
    const load = first === undefined ? undefined : COMMANDS[first];
    if (load !== undefined) return await (await load())(rest);
    if (first !== undefined && !first.startsWith('-')) {
      const [{ UsageError }, { t }] = await Promise.all([import('./base/errors.js'), import('./text/i18n/message.js')]);
      throw new UsageError(t('cli.error.unknownCommand', { command: first }), t('cli.usage.short'));
    }
    const { main: dashboard } = await import('./commands/dashboard.js');
    return await dashboard(argv);
  } catch (error) {
    return await reportError(error);
  }
}

// Messages can quote untrusted text (a process title, a bad argument), so
// every line is made safe before it reaches the terminal.
async function reportError(error: unknown): Promise<number> {
  const [{ CommandError, UsageError }, { usageLine }, { sanitizeForDisplay, sanitizeLines }, { t }] = await Promise.all([
    import('./base/errors.js'),
    import('./commands/usage.js'),
    import('./text/sanitize.js'),
    import('./text/i18n/message.js'),
  ]);
  if (error instanceof UsageError) {
    // Exactly two lines: the problem, then one usage line.
    const problem = sanitizeLines(error.message).replace(/\s*\n\s*/gu, '; ');
    process.stderr.write(`procview: ${problem}\n${usageLine(error.usage)}\n`);
    return error.exitCode;
  }
  if (error instanceof CommandError) {
    // One line: the catalog's sentences have no line break, so one here came with quoted text (a file or
    // command name) and is marked as its other controls are, `cannot start nosuch?cmd`, never a line of its own.
    process.stderr.write(`procview: ${sanitizeForDisplay(error.message)}\n`);
    return error.exitCode;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`procview: ${t('cli.error.internal', { text: sanitizeLines(text) })}\n`);
  return 1;
}

/** Runs `run` as this process's command: its answer is the exit code. */
export async function runAsCommand(run: (argv: readonly string[]) => Promise<number>, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A closed pipe (`procview ps | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await run(argv);
}
