// Strict option parsing shared by the one-shot commands: node:util parseArgs,
// with its errors turned into the one-line UsageError (exit 2) the CLI prints.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { truncateToWidth } from '../text/width.js';
import { UsageError } from '../base/errors.js';
import { currentLanguage } from '../text/i18n/lang.js';
import { t } from '../text/i18n/message.js';
import { packageVersion } from '../base/version.js';
import type { WatchTarget } from '../inspect/scope.js';
import { columnsFromEnv } from './tree-width.js';

/** The flags every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** parseArgs (strict by default); a bad command line becomes a UsageError naming the problem. */
export function parseCommandArgs<const T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    // Strict unless a caller says otherwise: unknown flags are errors.
    return parseArgs(config.args === undefined ? config : { ...config, args: joinNegativeValues(config.args) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_') && error instanceof Error) {
      throw new UsageError(parseProblem(code, error.message), usage);
    }
    throw error;
  }
}

/**
 * `--hold -1` as `--hold=-1` (and `-d -1` as `-d-1`): parseArgs takes a value
 * starting with a dash for another option and only says the argument is
 * "ambiguous"; joined, the value reaches the command's own check, which says
 * what a valid one is.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (next !== undefined && /^-\d/u.test(next) && /^(--[a-z][a-z-]*|-[a-zA-Z])$/u.test(arg)) {
      out.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** How Node's parseArgs messages name an option's value (lib/internal/util/parse_args). */
const NODE_VALUE = '<value>';

/** Node's messages sometimes add a hint sentence; keep the part that names the problem, in lower case like ours. */
function firstSentence(message: string): string {
  const [first = message] = message.split(/\.\s/u, 1);
  const line = first.replace(/\s+/gu, ' ').trim();
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/**
 * parseArgs's problem in the reader's language: its codes name the kind and
 * its message quotes the argument (node lib/internal/util/parse_args). English
 * keeps Node's own first sentence as it always did, and a kind we do not know
 * stays as Node says it.
 */
function parseProblem(code: string, message: string): string {
  const english = firstSentence(message);
  const raw = /'([^']*)'/u.exec(message)?.[1];
  // A value starting with '-' after an option that wants one ('--hold --plain'): Node calls the
  // argument "ambiguous"; what is wrong is that the option has no value. In every language.
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && raw !== undefined && /argument is ambiguous/u.test(message)) {
    const option = raw.split(/,\s*/u).at(-1) ?? raw;
    return t('cli.error.optionDashValue', { option, example: option.startsWith('--') ? `${option}=-1` : `${option}-1` });
  }
  // Node names a value `<value>` ('-d, --delay <value>'): a word of the sentence, so it is translated too.
  const quoted = raw?.replace(NODE_VALUE, t('cli.usage.value'));
  if (quoted === undefined || raw === undefined || currentLanguage() === 'en') return english;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('cli.error.unknownOption', { option: quoted });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('cli.error.unexpectedArgument', { argument: quoted });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "Missing its value" says it all: the option by its name alone, without `<value>`.
      return /argument missing/u.test(message)
        ? t('cli.error.optionNeedsValue', { option: raw.replace(` ${NODE_VALUE}`, '') })
        : t('cli.error.optionValue', { option: quoted });
    default:
      return english;
  }
}

/** --help or --version: prints the answer; true when the command has nothing more to do. */
export function answeredHelpOrVersion(values: { readonly help?: boolean; readonly version?: boolean }, help: string): boolean {
  if (values.help === true) process.stdout.write(`${help}\n`);
  else if (values.version === true) process.stdout.write(`procview ${packageVersion()}\n`);
  else return false;
  return true;
}

export interface NumberRange {
  readonly min: number;
  readonly max?: number;
  /** The minimum itself is not allowed (a rate of 0 makes no sense, a timeout of 0 means never). */
  readonly minExcluded?: boolean;
  /** What a missing value means; without it, a missing value is an error. */
  readonly fallback?: number;
  /** Named in the message, e.g. 'seconds'. */
  readonly unit?: string;
}

// Plain decimal digits only: Number() alone would also take '1e3', '0x10' or
// 'Infinity', and every command should accept the same spellings.
const WHOLE = /^\d+$/u;
const DECIMAL = /^(\d+(\.\d+)?|\.\d+)$/u;

function describeRange({ min, max, minExcluded = false, unit }: NumberRange, whole: boolean): string {
  const unitWords = unit === 'seconds' ? t('cli.unit.seconds') : unit === 'bytes' ? t('cli.unit.bytes') : (unit ?? '');
  const kind = whole ? t('cli.kind.whole') : unit === undefined ? t('cli.kind.number') : t('cli.kind.numberOf', { unit: unitWords });
  if (max !== undefined) return t('cli.range.fromTo', { kind, min, max });
  if (min === 0) return minExcluded ? t('cli.range.positive', { kind }) : t('cli.range.nonNegative', { kind });
  return minExcluded ? t('cli.range.above', { kind, min }) : t('cli.range.atLeast', { kind, min });
}

function checkedNumber(flag: string, text: string | undefined, range: NumberRange, usage: string, whole: boolean): number {
  if (text === undefined) {
    if (range.fallback !== undefined) return range.fallback;
    throw new UsageError(t('cli.error.needsValue', { flag }), usage);
  }
  const number = (whole ? WHOLE : DECIMAL).test(text.trim()) ? Number(text) : Number.NaN;
  const aboveMin = range.minExcluded === true ? number > range.min : number >= range.min;
  if (!aboveMin || (range.max !== undefined && number > range.max)) {
    throw new UsageError(t('cli.error.mustBe', { flag, range: describeRange(range, whole), text }), usage);
  }
  return number;
}

/** A whole decimal number in range, or a one-line UsageError naming the flag and the range. */
export function wholeNumberOption(flag: string, text: string | undefined, range: NumberRange, usage: string): number {
  return checkedNumber(flag, text, range, usage, true);
}

/** A decimal number (digits and an optional fraction) in range, or a one-line UsageError. */
export function decimalOption(flag: string, text: string | undefined, range: NumberRange, usage: string): number {
  return checkedNumber(flag, text, range, usage, false);
}

/** A PID as the commands take it: a positive whole number that fits a pid_t. */
export function processIdArgument(text: string, usage: string): number {
  const pid = /^[0-9]{1,10}$/u.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid > 2_147_483_647) {
    throw new UsageError(t('cli.error.invalidPid', { text }), usage);
  }
  return pid;
}

/** `--watch PID` or `--watch NAME`; `needs` lists the choices for the error (`a PID or a NAME`). */
export function watchPidOrName(value: string, usage: string, needs: string): WatchTarget {
  if (/^\d+$/u.test(value)) return { kind: 'pids', pids: [processIdArgument(value, usage)] };
  if (value.trim() === '') throw new UsageError(t('cli.error.watchNeeds', { needs }), usage);
  return { kind: 'name', pattern: value };
}

/** Cells of COMMAND procps ps wants beside the fixed columns before it lends a line more width. */
const PS_MIN_COMMAND = 3;

/**
 * Cuts each line as procps ps does: at COLUMNS when set to a width (a pipe too), else at the edge of
 * the terminal on stdout; a pipe without COLUMNS gets whole lines, and so does -w. The header (the
 * first line) is never cut, and the fixed columns always print whole: a width too narrow for them
 * and PS_MIN_COMMAND cells of COMMAND is taken twice, three times… until they fit (measured against
 * procps-ng 4: `ps -ajx` at 30 columns prints 60-cell lines, at 58 columns 116, at 60 columns 60).
 */
export function fitToTerminal(lines: readonly string[], wide: boolean, env: NodeJS.ProcessEnv = process.env): string[] {
  const columns = columnsFromEnv(env.COLUMNS) ?? (process.stdout.isTTY ? process.stdout.columns : undefined);
  if (wide || columns === undefined || columns <= 0) return [...lines];
  const [header, ...rows] = lines;
  if (header === undefined) return [];
  const fixed = header.lastIndexOf('COMMAND');
  const width = fixed < 0 ? columns : columns * Math.ceil((fixed + PS_MIN_COMMAND) / columns);
  return [header, ...rows.map((line) => truncateToWidth(line, width))];
}
