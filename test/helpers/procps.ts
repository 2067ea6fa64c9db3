// procps `ps` as the tests' reference. It exits 1 when its selection (--ppid, -p) matches no
// process: a child not forked yet on a busy machine, not an error, so that reads as no lines.
import { spawnSync } from 'node:child_process';

/** What `ps ARGS` printed; '' when it selected nothing (exit 1, empty output); throws on any other failure. */
export function procps(args: readonly string[]): string {
  const result = spawnSync('ps', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  if (result.status === 0) return result.stdout;
  if (result.status === 1 && result.stdout === '') return '';
  throw new Error(`ps ${args.join(' ')} exited ${result.status ?? result.signal}: ${result.stderr.trim()}`);
}
