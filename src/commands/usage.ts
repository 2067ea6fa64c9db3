// How a usage error is shown: one line naming the problem (cli.ts), then one
// usage line. The errors themselves live in base/errors.ts.

/**
 * The one usage line printed after a usage error: the first line of `usage`,
 * pointing at the full help when there is more of it (the README promises one
 * line naming the problem and one usage line, whatever the command).
 */
export function usageLine(usage: string, helpCommand?: string): string {
  const [first = usage, ...more] = usage.split('\n');
  const hint = helpCommand ?? /^Usage: (procview(?: [a-z]+)?)/u.exec(first)?.[1] ?? 'procview';
  return more.length === 0 || first.includes('--help for more') ? first.trimEnd() : `${first.trimEnd()}   (${hint} --help for more)`;
}
