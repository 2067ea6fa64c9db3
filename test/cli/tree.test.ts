// `procview tree` on a subtree this test started: sh with three sleeping children.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnGroup, waitFor } from '../helpers/processes.js';
import { ensureBuilt, lines, runCli } from './run-cli.js';

beforeAll(ensureBuilt);

function childPids(ppid: number): number[] {
  const text = execFileSync('ps', ['-o', 'pid=', '--ppid', String(ppid)], { encoding: 'utf8' }).trim();
  return text === '' ? [] : text.split(/\s+/u).map(Number).sort((a, b) => a - b);
}

/** `sh` waiting on three `sleep 30`, all exec'd (comm `sleep`). */
async function startFamily(): Promise<{ sh: number; sleeps: number[] }> {
  const sh = spawnGroup('sh', ['-c', 'sleep 30 & sleep 30 & sleep 30 & wait']).pid ?? -1;
  const sleeps = await waitFor(
    () => {
      const pids = childPids(sh);
      const comms = execFileSync('ps', ['-o', 'comm=', '--ppid', String(sh)], { encoding: 'utf8' }).trim().split(/\s+/u);
      return pids.length === 3 && comms.every((comm) => comm === 'sleep') ? pids : undefined;
    },
    { what: 'three sleeping children' },
  );
  return { sh, sleeps };
}

describe('procview tree', () => {
  it('folds identical sleeping siblings as 3*[sleep] in the subtree of PID', async () => {
    const { sh } = await startFamily();
    const { code, stdout, stderr } = await runCli(['tree', String(sh)]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(lines(stdout)).toEqual(['sh', '└─3*[sleep]']);
  });

  it('-p shows name(pid) for every child, in pid order', async () => {
    const { sh, sleeps } = await startFamily();
    const { code, stdout } = await runCli(['tree', '-p', String(sh)]);
    expect(code).toBe(0);
    const [a, b, c] = sleeps;
    expect(lines(stdout)).toEqual([`sh(${sh})`, `├─sleep(${a})`, `├─sleep(${b})`, `└─sleep(${c})`]);
  });

  it('shows the subtree under its parent in the whole tree', async () => {
    const { sh, sleeps } = await startFamily();
    const { code, stdout } = await runCli(['tree', '--pids']);
    expect(code).toBe(0);
    const all = lines(stdout);
    const parentAt = all.findIndex((line) => line.endsWith(`(${process.pid})`));
    const shAt = all.findIndex((line) => line.endsWith(`─sh(${sh})`));
    expect(parentAt).toBeGreaterThanOrEqual(0);
    expect(shAt).toBeGreaterThan(parentAt);
    const depth = (line: string | undefined): number => (line ?? '').search(/[^│ ├└─]/u);
    expect(depth(all[shAt])).toBe(depth(all[parentAt]) + 2);
    expect(all.slice(shAt + 1, shAt + 4).map((line) => line.slice(depth(line)))).toEqual(sleeps.map((pid) => `sleep(${pid})`));
  });

  it('--json prints [{ proc, children }] with every field', async () => {
    const { sh, sleeps } = await startFamily();
    const { code, stdout } = await runCli(['tree', String(sh), '--json']);
    expect(code).toBe(0);
    const roots = JSON.parse(stdout) as { proc: Record<string, unknown>; children: { proc: Record<string, unknown>; children: unknown[] }[] }[];
    expect(roots).toHaveLength(1);
    expect(roots[0]?.proc).toMatchObject({ pid: sh, ppid: process.pid, comm: 'sh' });
    expect(roots[0]?.children.map((child) => [child.proc.pid, child.proc.ppid, child.proc.comm, child.children.length])).toEqual(
      sleeps.map((pid) => [pid, sh, 'sleep', 0]),
    );
  });

  it('--help and --version print and exit 0', async () => {
    expect(await runCli(['tree', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: procview tree') as unknown });
    expect(await runCli(['tree', '-V'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^procview \d+\.\d+\.\d+\n$/u) as unknown });
  });

  it('says so and exits 1 for a PID that does not exist', async () => {
    const { code, stdout, stderr } = await runCli(['tree', '2147483647']);
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: 'procview: no process with PID 2147483647\n' });
  });

  it('rejects bad PIDs, extra arguments and unknown flags with a one-line error, usage, exit 2', async () => {
    for (const [args, message] of [
      [['tree', 'abc'], "procview: invalid PID 'abc' (expected a positive whole number)"],
      [['tree', '0'], "procview: invalid PID '0' (expected a positive whole number)"],
      [['tree', '1', '2'], 'procview: too many arguments: 2'],
      [['tree', '--bogus'], "procview: unknown option '--bogus'"],
    ] as const) {
      const { code, stdout, stderr } = await runCli(args);
      expect({ args, code, stdout, first: lines(stderr)[0] }).toEqual({ args, code: 2, stdout: '', first: message });
      expect(lines(stderr)).toEqual([message, expect.stringMatching(/^Usage: procview tree /u)]);
    }
  });
});
