// Strict option parsing shared by the one-shot commands: node:util parseArgs,
// with its errors turned into the one-line UsageError (exit 2) the CLI prints.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { truncateToWidth } from '../inspect/format/width.js';
import { UsageError } from './usage.js';

/** The flags every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** parseArgs (strict by default); a bad command line becomes a UsageError naming the problem. */
export function parseCommandArgs<const T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config); // strict unless a caller says otherwise: unknown flags are errors
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_') && error instanceof Error) {
      throw new UsageError(firstSentence(error.message), usage);
    }
    throw error;
  }
}

/** Node's messages sometimes add a hint sentence; keep the part that names the problem, in lower case like ours. */
function firstSentence(message: string): string {
  const [first = message] = message.split(/\.\s/u, 1);
  const line = first.replace(/\s+/gu, ' ').trim();
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/** Cuts each line at the terminal edge when stdout is a terminal, as ps does; pipes get whole lines. */
export function fitToTerminal(lines: readonly string[], wide: boolean): string[] {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  if (wide || columns === undefined || columns <= 0) return [...lines];
  return lines.map((line) => truncateToWidth(line, columns));
}
