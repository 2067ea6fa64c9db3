// procview as its own subreaper: started by a program that sets
// PR_SET_CHILD_SUBREAPER and execs procview (the mark survives exec), the
// orphan lesson's orphan is adopted by procview itself. The lesson says so,
// explains the adopter's duty that Node cannot do (wait() for a process it did
// not spawn), and ends observed, with nothing of its own left running.
// The wrapper is python3 with ctypes (tests only; the product never needs it).
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/text/lines.js';
import { signalGroup } from '../helpers/processes.js';
import { CLI, parseObserved } from './harness.js';

const python = spawnSync('python3', ['-c', 'import ctypes; print(ctypes.CDLL(None).prctl is not None)'], { encoding: 'utf8' });
const skip = python.status === 0 ? undefined : 'needs python3 with ctypes to set PR_SET_CHILD_SUBREAPER before exec';

// prctl(PR_SET_CHILD_SUBREAPER = 36, 1), then exec node with procview's arguments: the same pid throughout.
const WRAPPER = 'import ctypes, os, sys\nif ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) != 0: sys.exit(99)\nos.execv(sys.argv[1], sys.argv[1:])';

describe.skipIf(skip !== undefined)(`procview as its own subreaper${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  it('orphan: adopted by procview itself, said so with the duty it cannot do, and the lesson is observed', async ({ onTestFinished }) => {
    const child = spawn('python3', ['-c', WRAPPER, process.execPath, CLI, 'demo', 'orphan', '--plain', '--hold', '0.5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const pid = child.pid ?? 0;
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) signalGroup(pid, 'SIGKILL');
    });
    const lines: string[] = [];
    const splitter = new LineSplitter();
    child.stdout.on('data', (chunk: Buffer) => lines.push(...(splitter.push(chunk) ?? [])));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', (status) => resolve(status)));
    const output = lines.join('\n');
    expect(code, `${output}\n${stderr}`).toBe(0);
    // The adopter the table showed is procview's own pid (python exec'd into it).
    const reparented = lines.map(parseObserved).find((fact) => fact?.note.startsWith('reparented') === true);
    expect(reparented?.ppid).toBe(pid);
    expect(output).toContain(`The adopter is procview itself (pid ${pid} `);
    expect(output).toContain(`adopted by procview itself, a child subreaper`);
    expect(output).toContain('cannot wait() for a process it did not start');
    expect(output).toContain('result: the lesson was observed.');
    expect(output).not.toMatch(/NOT observed|still running after cleanup|an ancestor of procview/u);
  });
});
