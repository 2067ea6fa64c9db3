// Collects what a spawned child writes, for tests that run a script in a
// child with other credentials or limits and read back its JSON answer.
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface Output {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Resolves when the child has exited and its pipes are closed. */
export function collectOutput(child: ChildProcessByStdio<null, Readable, Readable>): Promise<Output> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
