// Runs `procview demo NAME --plain` as a real process and checks it from the
// outside with procps `ps` — an oracle independent of our inspection core.
// Every run is found again afterwards by the marker its lesson processes carry
// in their command lines (`--procview-demo=NAME:<procview pid>`), and by the
// process groups that still hold such a process (pids are reused fast here:
// pid_max may be 32768, so a group number alone proves nothing). Whatever is
// left is killed when its test finishes, through the test's onTestFinished.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { LineSplitter } from '../../src/text/lines.js';
import { signalGroup, waitFor } from '../helpers/processes.js';

const run = promisify(execFile);
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface PsRow {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly stat: string;
  /** undefined where ps prints `-` (e.g. some kernel threads). */
  readonly ni: number | undefined;
  readonly args: string;
}

/** One `ps -e` of the whole table. */
export async function ps(): Promise<PsRow[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=,pgid=,stat=,ni=,args='], { maxBuffer: 16 * 1024 * 1024 });
  const rows: PsRow[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s?(.*)$/u.exec(line);
    if (match === null) continue;
    const [, pid, ppid, pgid, stat, ni, args] = match;
    rows.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      stat: stat ?? '',
      ni: ni === '-' ? undefined : Number(ni),
      args: args ?? '',
    });
  }
  return rows;
}

/** What /proc/PID/stat says right now: the fast oracle for states held only for a second. */
export interface ProcRow {
  readonly pid: number;
  /** field 3 */
  readonly state: string;
  /** field 4 */
  readonly ppid: number;
  /** field 5 */
  readonly pgid: number;
  /** field 19 */
  readonly nice: number;
  /** field 22: starttime, clock ticks after boot. With pid, the identity of the process. */
  readonly startTime: number;
  /** /proc/PID/cmdline, NULs as spaces; '' for a zombie. */
  readonly args: string;
}

export function procRow(pid: number): ProcRow | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return {
      pid,
      state: fields[0] ?? '?',
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      nice: Number(fields[16]),
      startTime: Number(fields[19]),
      args,
    };
  } catch {
    return undefined;
  }
}

/** The row of the process with this pid and start time, if it still exists (a reused pid is someone else). */
export function sameProcess(pid: number, startTime: number): ProcRow | undefined {
  const row = procRow(pid);
  return row?.startTime === startTime ? row : undefined;
}

/** `value`, or a test failure naming what was missing (never a made-up stand-in such as 0 or -1). */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is unknown`);
  return value;
}

/** Children of every thread of a process (CONFIG_PROC_CHILDREN lists them per thread). */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/u).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
}

/**
 * Watches procview's process tree from outside, every few milliseconds, and
 * keeps every distinct row each process showed. A pid once seen stays watched
 * after it leaves the tree (an orphan). A state held for a second is caught
 * even when the test itself is slow to read the line that announced it.
 */
export class Sampler {
  private readonly history = new Map<number, ProcRow[]>();
  /** pid → start time at first sight: a later process with that pid is someone else. */
  private readonly starts = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  /**
   * `marker`: what every process of the run carries in its command line. A
   * busy machine can starve the timer past a process's first moments; the
   * marker still proves a process the lesson names is one of ours.
   */
  constructor(
    root: number,
    private readonly marker?: string,
    intervalMs = 15,
  ) {
    this.history.set(root, []);
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.tick();
  }

  private tick(): void {
    for (const [pid, rows] of [...this.history]) {
      const row = procRow(pid);
      if (row === undefined) continue;
      const start = this.starts.get(pid);
      if (start === undefined) this.starts.set(pid, row.startTime);
      else if (start !== row.startTime) continue;
      const last = rows.at(-1);
      // args too: a child read between fork and exec (or before it sets its title) shows its parent's
      // command line with the state and nice it keeps after; without this its own line is never kept.
      if (last === undefined || last.state !== row.state || last.ppid !== row.ppid || last.nice !== row.nice || last.args !== row.args) rows.push(row);
      for (const child of childrenOf(pid)) if (!this.history.has(child)) this.history.set(child, []);
    }
  }

  /** Every distinct row `pid` showed (empty if never seen). */
  rows(pid: number): ProcRow[] {
    return this.history.get(pid) ?? [];
  }

  /**
   * The start time of the process `pid` named while it was watched. Asked
   * about a pid not seen yet, it catches up (a tick finds one generation
   * more), and then takes the live process if it carries the run's marker.
   * A test failure if neither finds it.
   */
  startOf(pid: number): number {
    for (let generation = 0; generation < 8 && !this.starts.has(pid); generation += 1) this.tick();
    if (!this.starts.has(pid) && this.marker !== undefined) {
      const row = procRow(pid);
      if (row?.args.includes(this.marker) === true) this.adopt(row);
    }
    return defined(this.starts.get(pid), `the start time of pid ${pid} (never seen by the sampler)`);
  }

  /** Watches `row`'s process from now on, its start time taken from this row. */
  private adopt(row: ProcRow): void {
    this.starts.set(row.pid, row.startTime);
    this.history.set(row.pid, [row]);
  }

  /** Did `pid` ever show a row passing `test`? */
  saw(pid: number, test: (row: ProcRow) => boolean): boolean {
    return this.rows(pid).some(test);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export interface Observed {
  readonly pid: number;
  readonly ppid: number | undefined;
  readonly stat: string;
  readonly note: string;
  readonly line: string;
}

const OBSERVED = /observed: pid (\d+), ppid (\d+|\?), STAT (\S+): (.*)$/u;

export function parseObserved(line: string): Observed | undefined {
  const match = OBSERVED.exec(line);
  if (match === null) return undefined;
  const [, pid, ppid, stat, note] = match;
  return { pid: Number(pid), ppid: ppid === '?' ? undefined : Number(ppid), stat: stat ?? '', note: note ?? '', line };
}

/** The test context's hook (`async ({ onTestFinished }) => …`), so cleanup belongs to that test. */
export type OnFinished = (cleanup: () => Promise<void> | void) => void;

export class DemoRun {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The oracle: procview's tree from /proc, sampled from the start. */
  readonly sampler: Sampler;
  private cursor = 0;
  private stdoutEnded = false;

  private constructor(
    readonly name: string,
    args: readonly string[],
    onFinished: OnFinished,
  ) {
    // procview leads its own group, like a command started by a shell with job control.
    this.child = spawn(process.execPath, [CLI, 'demo', name, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child.on('error', () => undefined);
    this.sampler = new Sampler(this.pid, this.marker);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    const splitter = new LineSplitter();
    this.child.stdout?.on('data', (chunk: Buffer) => this.lines.push(...(splitter.push(chunk) ?? [])));
    this.child.stdout?.on('end', () => {
      this.stdoutEnded = true;
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    onFinished(() => this.cleanup());
  }

  static start(name: string, onFinished: OnFinished, args: readonly string[] = ['--plain', '--hold', '1']): DemoRun {
    return new DemoRun(name, args, onFinished);
  }

  /** After the test: procview's group while it is unreaped, then every group of the lesson, stopped members too. */
  private async cleanup(): Promise<void> {
    this.sampler.stop();
    const { pid } = this.child;
    // Once reaped, procview's pid may belong to someone else.
    if (pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      signalGroup(pid, 'SIGCONT');
      signalGroup(pid, 'SIGKILL');
    }
    for (const pgid of new Set((await this.rows()).map((row) => row.pgid))) {
      if (pgid === process.pid || pgid <= 1) continue;
      signalGroup(pgid, 'SIGCONT');
      signalGroup(pgid, 'SIGKILL');
    }
  }

  get pid(): number {
    const { pid } = this.child;
    if (pid === undefined) throw new Error('procview did not start');
    return pid;
  }

  /** What every process of this run carries in its command line. */
  get marker(): string {
    return `--procview-demo=${this.name}:${this.pid}`;
  }

  get output(): string {
    return this.lines.join('\n');
  }

  /** The next line (after the previous match) that matches; waits for it, but not past procview's exit. */
  async next(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Whether procview had exited and its output was all in, before looking at the lines.
      const over = this.stdoutEnded && (this.child.exitCode !== null || this.child.signalCode !== null);
      for (let index = this.cursor; index < this.lines.length; index += 1) {
        const line = this.lines[index];
        if (line !== undefined && pattern.test(line)) {
          this.cursor = index + 1;
          return line;
        }
      }
      if (over || Date.now() > deadline) {
        const why = over ? `procview exited (${String(this.child.exitCode ?? this.child.signalCode)})` : `timed out after ${timeoutMs} ms`;
        throw new Error(`${why} waiting for ${pattern} in the output of demo ${this.name}:\n${this.output}\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The next `observed:` line whose text matches. */
  async observed(pattern: RegExp, timeoutMs?: number): Promise<Observed> {
    const line = await this.next(new RegExp(`observed: .*${pattern.source}`, pattern.flags), timeoutMs);
    const fact = parseObserved(line);
    if (fact === undefined) throw new Error(`unparsable observed line: ${line}`);
    return fact;
  }

  /** Every observed pid in the output so far. */
  observedPids(): number[] {
    return [...new Set(this.lines.map(parseObserved).flatMap((fact) => (fact === undefined ? [] : [fact.pid])))];
  }

  /** Rows of this run's lesson processes in `table`: its marker, or a group that holds a process with it. */
  lessonRows(table: readonly PsRow[]): PsRow[] {
    const groups = new Set(table.filter((row) => row.args.includes(this.marker)).map((row) => row.pgid));
    return table.filter((row) => row.pid !== this.pid && (row.args.includes(this.marker) || groups.has(row.pgid)));
  }

  async rows(): Promise<PsRow[]> {
    return this.lessonRows(await ps());
  }

  async finished(timeoutMs = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`demo ${this.name} did not finish within ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Nothing of the lesson left: no process with its marker or in a group with
   * one, and no zombie of a pid it reported whose parent is one of those or
   * procview. Zombies of init are allowed: PID 1 reaps adopted orphans lazily
   * here, and those are init's, not ours.
   */
  async expectNothingLeft(timeoutMs = 4_000): Promise<void> {
    const reported = new Set(this.observedPids());
    let left: PsRow[] = [];
    try {
      await waitFor(
        async () => {
          const table = await ps();
          const ours = this.lessonRows(table);
          const parents = new Set([this.pid, ...ours.map((row) => row.pid)]);
          const zombies = table.filter((row) => reported.has(row.pid) && row.stat.startsWith('Z') && parents.has(row.ppid));
          left = [...new Set([...ours, ...zombies])].filter((row) => !(row.stat.startsWith('Z') && row.ppid === 1));
          return left.length === 0;
        },
        { timeoutMs, intervalMs: 100, what: 'the lesson processes to be gone' },
      );
    } catch {
      // Fall through to a readable assertion.
    }
    expect(left.map((row) => `${row.pid} ${row.ppid} ${row.pgid} ${row.stat} ${row.args}`)).toEqual([]);
  }
}

/** Polls /proc until `pid` has a row for which `test` holds. */
export async function procUntil(pid: number, test: (row: ProcRow) => boolean, what: string, timeoutMs = 800): Promise<ProcRow> {
  return waitFor(
    () => {
      const row = procRow(pid);
      return row !== undefined && test(row) ? row : undefined;
    },
    { timeoutMs, intervalMs: 10, what },
  );
}
