// Runs the built CLI as a user would: `node dist/cli.js …` from the repo root,
// stdout a pipe (not a terminal). `npm test` builds first; when a test file is
// run alone on a fresh checkout, build once here.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnGroup } from './processes.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** The installed command (package.json bin): ps and tree from a bundle (scripts/bundle-cli.mjs). */
export const BIN = fileURLToPath(new URL('../../dist/bin/procview.cjs', import.meta.url));

export function ensureBuilt(): void {
  if (existsSync(CLI) && existsSync(BIN)) return;
  execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js ...args`; never rejects on a non-zero exit. */
export function runCli(args: readonly string[], timeoutMs = 20_000): Promise<CliResult> {
  return runNode([CLI, ...args], timeoutMs);
}

export function runNode(args: readonly string[], timeoutMs = 20_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...args], { cwd: REPO_ROOT, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) {
        resolve({ code: 0, stdout, stderr });
        return;
      }
      // A number is the exit code; anything else (a timeout, a spawn failure) is the test's failure.
      if (typeof error.code === 'number') resolve({ code: error.code, stdout, stderr });
      else reject(error);
    });
  });
}

/** The lines of a command's output, without the final newline. */
export function lines(text: string): string[] {
  return text.replace(/\n$/u, '').split('\n');
}

/** spawnGroup, for its pid: a child without one (the spawn failed) fails the test here, not later as pid 0 or -1. */
export function spawnPid(command: string, args: readonly string[]): number {
  const { pid } = spawnGroup(command, args);
  if (pid === undefined) throw new Error(`${command} did not start (no pid)`);
  return pid;
}
