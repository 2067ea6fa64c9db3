// Exit codes follow the usual CLI convention the issues ask for:
// 2 = the command line was wrong, 1 = the request was fine but failed.
import { readFileSync } from 'node:fs';

/** Bad flags or values: one-line message + a usage hint, exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string, readonly usage: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The one usage line printed after a usage error: the first line of `usage`,
 * pointing at the full help when there is more of it (the README promises one
 * line naming the problem and one usage line, whatever the command).
 */
export function usageLine(usage: string, helpCommand?: string): string {
  const [first = usage, ...more] = usage.split('\n');
  const hint = helpCommand ?? (/^Usage: (procview(?: [a-z]+)?)/u.exec(first)?.[1] ?? 'procview');
  return more.length === 0 || first.includes('--help for more') ? first.trimEnd() : `${first.trimEnd()}   (${hint} --help for more)`;
}

/** A well-formed request that cannot be met (e.g. no such PID): exit 1. */
export class CommandError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CommandError';
    this.exitCode = exitCode;
  }
}

export function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** Every command's entry point: argv after the command name; resolves to the exit code. */
export type CommandMain = (argv: readonly string[]) => Promise<number>;
