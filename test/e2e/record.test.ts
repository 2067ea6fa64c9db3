// Record and replay with real processes: a lesson (zombie, orphan) and a
// `procview run` recorded, then played back as text, as NDJSON and in the
// dashboard through a real pseudo-terminal; damaged files refused in words.
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnGroup, trackGroup, waitFor } from '../helpers/processes.js';
import { CLI, ensureBuilt, lines, REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { killAll, lessonProcesses } from './helpers/procs.js';
import { runInPty, type PtyRun } from './helpers/pty.js';
import { freezeProc, SealedMap, sealSnapshot } from '../../src/inspect/snapshot.js';
import type { ProcInfo, Snapshot } from '../../src/inspect/types.js';
import { encodeRecord, packJson, RecordType } from '../../src/record/format.js';
import { openRecording } from '../../src/record/reader.js';
import { RecordingWriter } from '../../src/record/writer.js';

const dir = mkdtempSync(join(tmpdir(), 'procview-replay-'));
const file = (name: string): string => join(dir, name);
const zombieFile = file('zombie.pvrec');
const runs: PtyRun[] = [];

beforeAll(async () => {
  ensureBuilt();
  const made = await runCli(['demo', 'zombie', '--plain', '--hold', '0.6', '--record', zombieFile], 60_000);
  expect(made.code, made.stderr).toBe(0);
}, 70_000);

afterEach(() => {
  for (const run of runs.splice(0)) {
    run.kill('SIGKILL');
    killAll(lessonProcesses('zombie', run.pid));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A terminal title, a screen clear and a colour: what a crafted recording might try to send to the terminal. */
const ESCAPES = '\x1b]0;PWNED\x07\x1b[2J\x1b[31m';

/**
 * A two-process table whose every quoted text field carries ESCAPES (STAT is procview's own
 * letters, refused otherwise: test/record/reader.test.ts); pid 50 a zombie from frame 2.
 */
function hostile(i: number): Snapshot {
  const procs = new SealedMap<number, ProcInfo>();
  for (const [pid, ppid] of [
    [1, 0],
    [50, 1],
  ] as const) {
    const state = pid === 50 && i >= 2 ? 'Z' : 'S';
    procs.set(pid, freezeProc({ pid, ppid, state, stat: state, user: `root${ESCAPES}`, comm: `evil${ESCAPES}`, args: `args${ESCAPES}` }));
  }
  return sealSnapshot(1_700_000_000_000 + i * 1000, procs);
}

/** `[+1.234s]` of the first line matching `pattern`, in ms. */
function timeOf(text: string, pattern: RegExp): number {
  const line = lines(text).find((l) => pattern.test(l));
  expect(line, `a line matching ${pattern} in\n${text}`).toBeDefined();
  return Number(/^\[\+(\d+\.\d+)s\]/u.exec(line ?? '')?.[1]) * 1000;
}

describe('procview replay of a recorded lesson', () => {
  it('--plain: the zombie, reaped events and the narration, each in the order it happened', async () => {
    const { code, stdout, stderr } = await runCli(['replay', zombieFile, '--plain']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^procview replay: demo zombie, recorded .* by procview \S+: \d+ frames over/u);
    // The length it gives counts from where the [+s] stamps do: it is the end line's stamp.
    const over = Number(/frames over (\d+\.\d) s/u.exec(stdout)?.[1]) * 1000;
    expect(Math.abs(over - timeOf(stdout, /end of the recording/u))).toBeLessThanOrEqual(50);
    const zombie = /(\d+) \(procview lesson\) became a zombie: parent (\d+)/u.exec(stdout);
    expect(zombie, stdout).not.toBeNull();
    const [, pid, parent] = zombie ?? [];
    const became = timeOf(stdout, /became a zombie/u);
    // A multi-threaded zombie (node) can read Zl for a moment, until its other threads are gone, as ps shows it too.
    const observedZ = timeOf(stdout, new RegExp(`lesson: observed: ${pid} Z\\S*, ppid ${parent}: ZOMBIE`, 'u'));
    const reaped = timeOf(stdout, new RegExp(`${pid} \\(procview lesson\\) reaped by ${parent}`, 'u'));
    const said = timeOf(stdout, /lesson: parent: reaped child/u);
    // The lesson looks for itself (demos/watch.ts) and the recording's stream apart from it, so only
    // what each saw in its own order is compared: Z before the reap, in the events and in the narration.
    expect(became, stdout).toBeLessThan(reaped);
    expect(observedZ, stdout).toBeLessThan(said);
    expect(stdout).toContain('lesson: result: the lesson was observed.');
  });

  it('--json: a header line, then frames, events and notes as NDJSON', async () => {
    const { code, stdout } = await runCli(['replay', zombieFile, '--json']);
    expect(code).toBe(0);
    const objects = lines(stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects[0]).toMatchObject({ kind: 'recording', format: 'procview-recording', version: 1, scope: { kind: 'demo', label: 'demo zombie' } });
    expect(objects[0]?.bootTime).toEqual(expect.any(Number));
    const events = objects.filter((o) => o.kind === 'event').map((o) => o.event);
    expect(events).toEqual(expect.arrayContaining(['zombie', 'reap']));
    expect(objects.some((o) => o.kind === 'frame' && typeof o.zombies === 'number' && o.zombies > 0)).toBe(true);
    expect(objects.some((o) => o.kind === 'note' && String(o.text).includes('ZOMBIE'))).toBe(true);
    // Scoped: each frame names the lesson's members, each event whether it is about them; the
    // lesson's zombie is, and what else ran on the machine meanwhile is not.
    expect(objects.filter((o) => o.kind === 'frame').every((o) => Array.isArray(o.members))).toBe(true);
    // The lesson's zombie: its parent is among the members (another test's lesson running meanwhile
    // has a `procview lesson` zombie too, and it is not in this scope).
    const members = new Set(objects.filter((o) => o.kind === 'frame').flatMap((o) => o.members as number[]));
    const zombie = objects.find((o) => o.kind === 'event' && o.event === 'zombie' && String(o.comm).includes('procview') && members.has(o.ppid as number));
    expect(zombie?.inScope, stdout).toBe(true);
    const others = objects.filter((o) => o.kind === 'event' && o.event === 'zombie' && !members.has(o.pid as number) && !members.has(o.ppid as number));
    expect(others.every((o) => o.inScope === false)).toBe(true);
    expect(objects.filter((o) => o.kind === 'event').every((o) => typeof o.inScope === 'boolean')).toBe(true);
  });

  it('in the dashboard: plays to the Z row, z jumps to the zombie, g seeks back, signals are refused, q quits', async () => {
    const run = runInPty(['replay', zombieFile], { cols: 150, rows: 45 });
    runs.push(run);
    await run.waitForScreen(/replay [▶⏸] 1× \d+:\d+\.\d\/\d+:\d+\.\d frame \d+\/\d+/u);
    // Playing at 1×: the Z row, and the narration beside it, come as they came.
    await run.waitForScreen(/^\s*\d+\s+\d+\s.*\sZ\S*\s.*\[procview lesson\] <defun/mu, 20_000);
    await run.waitForScreen('Lesson: demo zombie');
    await run.waitForScreen('ZOMBIE');
    // Back to the start, then z: the first zombie event, paused there.
    run.write('g');
    await run.waitForScreen('go to:');
    run.write('0\r');
    // The first frame: its time is when the recording's first scan ended, which a busy machine delays by seconds.
    await run.waitForScreen(/replay ⏸ 1× \d+:\d+\.\d\/\d+:\d+\.\d frame 1\//u);
    expect(run.screen()).not.toMatch(/^\s*\d+\s+\d+\s.*\sZ\S*\s.*<defun/mu);
    // The narration too is as it was then: the lesson has not yet seen its zombie.
    expect(run.screen()).not.toContain('ZOMBIE');
    run.write('z');
    await run.waitForScreen(/zombie: pid \d+ \(procview lesson\) at \+\d+:\d+\.\d — paused/u);
    await run.waitForScreen(/became a zombie/u);
    run.write(']');
    await run.waitForScreen(/replay ⏸ 2× /u);
    run.write('k');
    await run.waitForScreen('signals and renice are off');
    run.write('q');
    const { exitCode } = await run.waitForExit();
    expect(exitCode).toBe(0);
    expect(run.bufferType()).toBe('normal');
  }, 60_000);
});

describe('recording other sources', () => {
  it('demo orphan in the dashboard with --record: the orphaning is in the file, and o finds it', async () => {
    const path = file('orphan.pvrec');
    const run = runInPty(['demo', 'orphan', '--hold', '0.5', '--record', path], { cols: 150, rows: 45 });
    runs.push(run);
    try {
      await run.waitForScreen('Lesson complete', 40_000);
      run.write('q');
      expect((await run.waitForExit(20_000)).exitCode).toBe(0);
    } finally {
      killAll(lessonProcesses('orphan', run.pid));
    }
    const { code, stdout } = await runCli(['replay', path, '--plain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\d+ \(procview lesson\) orphaned: parent \d+( \(procview lesson\))? exited, adopted by 1/u);
    expect(stdout).toMatch(/lesson: .*The parent \d+ exits now/u);
    const replay = runInPty(['replay', path], { cols: 150, rows: 45 });
    runs.push(replay);
    await replay.waitForScreen(/replay [▶⏸]/u);
    replay.write('o');
    await replay.waitForScreen(/orphaning: pid \d+ \(procview lesson\)/u);
    replay.write('q');
    expect((await replay.waitForExit()).exitCode).toBe(0);
  }, 90_000);

  it('procview run --plain --record: the program, its orphan and its output', async () => {
    const path = file('run.pvrec');
    // The orphan is held (sleep 300) until procview has printed it, then killed: nothing depends on how soon procview looks.
    const child = spawnGroup(process.execPath, [CLI, 'run', '--plain', '--record', path, '--', 'sh', '-c', 'echo hello from sh; sleep 300 & exit 0'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let released = false;
    let programPid: number | undefined;
    createInterface({ input: child.stdout ?? Readable.from([]) }).on('line', (line) => {
      // The program leads its own process group (the orphan's too): it goes with this test.
      const program = /^\[\+[\d.]+s\] (\d+) \(node\) started, child of \d+ \(node\)/.exec(line)?.[1];
      if (program !== undefined) trackGroup(Number(program));
      programPid ??= program === undefined ? undefined : Number(program);
      const orphan = /\] (\d+) \((?:sleep|sh)\) (?:orphaned|first seen already adopted)/.exec(line)?.[1];
      if (!released && orphan !== undefined) {
        released = true;
        process.kill(Number(orphan), 'SIGKILL');
      }
    });
    const [made] = (await once(child, 'exit')) as [number | null];
    expect(made).toBe(0);
    expect(released).toBe(true);
    const { code, stdout } = await runCli(['replay', path, '--plain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^procview replay: run sh -c/u);
    expect(stdout).toContain('output: hello from sh');
    // The output was recorded when it came, before the frame with the program's start: it is put after it.
    const printed = stdout.split('\n');
    const started = printed.findIndex((line) => /\(node\) started, child of/u.test(line));
    expect(started, stdout).toBeGreaterThan(0);
    expect(
      printed.findIndex((line) => line.includes('output: hello from sh')),
      stdout,
    ).toBeGreaterThan(started);
    expect(stdout).toMatch(/\((sleep|sh)\) (orphaned: parent \d+( \(sh\))? exited, adopted by|first seen already adopted by)/u);
    // Its start is recorded once, though procview (its spawn) and the kernel (the fork) both report it.
    const json = (await runCli(['replay', path, '--json'])).stdout;
    const spawns = lines(json).filter((line) => {
      const object = JSON.parse(line) as { kind?: string; event?: string; pid?: number };
      return object.kind === 'event' && object.event === 'spawn' && object.pid === programPid;
    });
    expect(spawns, json).toHaveLength(1);
    // Read in Chinese: the pane's name is the reader's language; the program's words stay as they were.
    const zh = await runCli(['replay', path, '--plain', '--lang', 'zh']);
    expect(zh.stdout).toContain('输出: hello from sh');
    expect(zh.stdout).not.toContain('output: ');
  }, 40_000);

  it('procview record --duration stops by itself; until Ctrl-C: the whole table, key frame first, then deltas', async () => {
    const timed = await runCli(['record', file('timed.pvrec'), '--duration', '0.5', '-d', '0.3'], 30_000);
    expect(timed.code, timed.stderr).toBe(0);
    expect(timed.stderr).toMatch(/procview record: \d+ frames, \d+ bytes/u);
    // Recorded until the file holds a delta (the second frame may be whole too: every %CPU becomes known
    // there), however long a loaded machine takes; then Ctrl-C, as a user ends it.
    const path = file('all.pvrec');
    const child = spawnGroup(process.execPath, [CLI, 'record', path, '-d', '0.3'], { cwd: REPO_ROOT, stdio: 'ignore' });
    const exited = once(child, 'exit');
    await waitFor(
      async () => {
        const recording = await openRecording(path).catch(() => undefined);
        if (recording === undefined) return false;
        for (let i = 1; i < recording.frameCount; i += 1) if (recording.keyIndexOf(i) !== i) return true;
        return false;
      },
      { timeoutMs: 20_000, what: 'a delta frame in the recording' },
    );
    child.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(130);
    const { stdout } = await runCli(['replay', path, '--json']);
    const frames = lines(stdout)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((o) => o.kind === 'frame');
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(frames[0]).toMatchObject({ key: true });
    expect(frames.some((f) => f.key === false)).toBe(true);
    expect(frames[0]?.processes).toEqual(expect.any(Number));
    const again = await runCli(['record', path, '--duration', '1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists: a recording never overwrites a file/u);
  }, 40_000);
});

describe('damaged recordings', () => {
  const refused = async (path: string, message: RegExp): Promise<void> => {
    const { code, stdout, stderr } = await runCli(['replay', path, '--plain']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    // Words, never a stack trace.
    expect(stderr).not.toMatch(/\n\s+at /u);
    expect(lines(stderr)).toHaveLength(1);
  };

  it('a truncated file replays up to its last whole frame and says it was cut off', async () => {
    const bytes = readFileSync(zombieFile);
    const cut = file('cut.pvrec');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
    const { code, stdout } = await runCli(['replay', cut, '--plain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/the file was cut off mid-write, replayed up to its last whole frame/u);
    expect(stdout).toMatch(/became a zombie/u);
  });

  it('a flipped byte, an empty file, a foreign file and a newer version are refused in one line', async () => {
    const bytes = Buffer.from(readFileSync(zombieFile));
    const at = Math.floor(bytes.length * 0.6);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(file('flipped.pvrec'), bytes);
    await refused(file('flipped.pvrec'), /^procview: .*flipped\.pvrec: the recording is damaged: record \d+ \(byte \d+\)/u);
    writeFileSync(file('empty.pvrec'), '');
    await refused(file('empty.pvrec'), /the file is empty/u);
    writeFileSync(file('foreign.pvrec'), 'GIF89a not a recording');
    await refused(file('foreign.pvrec'), /not a procview recording/u);
    const newer = Buffer.from(readFileSync(zombieFile));
    newer.writeUInt16LE(2, 8);
    writeFileSync(file('newer.pvrec'), newer);
    await refused(file('newer.pvrec'), /format version 2, newer than this procview reads \(1\): update procview/u);
  });

  it("a directory, a missing file, and a frame that is not procview's are refused in one line, the last after what came before it", async () => {
    await refused(dir, /^procview: cannot read .*: it is a directory, not a recording$/mu);
    await refused(file('missing.pvrec'), /^procview: cannot read .*missing\.pvrec: no such file or directory \(ENOENT\)$/mu);
    const path = file('bad-frame.pvrec');
    const writer = RecordingWriter.create(path, { scope: { kind: 'all', label: 'all' }, intervalMs: 1000, startedAt: 1_700_000_000_000 });
    writer.frame({ seq: 1, begunAt: 0, snapshot: hostile(0), events: [], source: 'polling' });
    writer.close();
    const bytes = readFileSync(path);
    writeFileSync(
      path,
      Buffer.concat([bytes, encodeRecord(RecordType.delta, 1_700_000_001_000, packJson({ seq: 2, begunAt: 0, events: [], procs: [['x']] }))]),
    );
    for (const mode of ['--plain', '--json']) {
      const { code, stdout, stderr } = await runCli(['replay', path, mode]);
      expect(code).toBe(1);
      expect(stdout).not.toBe('');
      expect(lines(stderr)).toEqual([
        expect.stringMatching(/damaged: a process record is not an array starting with its pid \(reading frame 2 of 2, \+1\.0 s\)$/u),
      ]);
    }
  });

  it('record never writes over a file or into a directory, and says so in one line', async () => {
    const kept = file('kept.txt');
    writeFileSync(kept, 'mine');
    for (const [target, message] of [
      [kept, /kept\.txt exists: a recording never overwrites a file/u],
      [dir, /is a directory: a recording never overwrites a file/u],
      [file('no/such.pvrec'), /cannot create .*: no such directory \(ENOENT\)/u],
    ] as const) {
      const { code, stderr } = await runCli(['record', target, '--duration', '1']);
      expect(code).toBe(1);
      expect(lines(stderr)).toEqual([expect.stringMatching(message)]);
    }
    expect(readFileSync(kept, 'utf8')).toBe('mine');
  });
});

describe('a hostile recording', () => {
  it("a frame that is not procview's: the dashboard stops before it and never claims to have reached a time past it", async () => {
    const path = file('bad-dashboard.pvrec');
    const writer = RecordingWriter.create(path, { scope: { kind: 'all', label: 'all' }, intervalMs: 1000, startedAt: 1_700_000_000_000 });
    writer.frame({ seq: 1, begunAt: 0, snapshot: hostile(0), events: [], source: 'polling' });
    writer.close();
    const zombie = { seq: 3, begunAt: 2000, events: [{ kind: 'zombie', at: 1_700_000_002_000, pid: 50, comm: 'evil', ppid: 1 }], procs: [], gone: [] };
    writeFileSync(
      path,
      Buffer.concat([
        readFileSync(path),
        encodeRecord(RecordType.delta, 1_700_000_001_000, packJson({ seq: 2, begunAt: 1000, events: [], procs: [['x']] })),
        encodeRecord(RecordType.delta, 1_700_000_002_000, packJson(zombie)),
      ]),
    );
    const run = runInPty(['replay', path], { cols: 150, rows: 45 });
    runs.push(run);
    await run.waitForScreen(/damaged: a process record is not an array .*replay stopped at frame 1/u, 20_000);
    run.write('g');
    await run.waitForScreen('go to:');
    run.write('2\r');
    await run.waitForScreen(/replay stopped at frame 1/u);
    expect(run.screen()).toMatch(/frame 1\/3/u);
    expect(run.screen()).not.toMatch(/at \+0:02\.0 — paused/u);
    // Another message first, so the damage message coming back is z's answer.
    run.write('k');
    await run.waitForScreen('signals and renice are off');
    run.write('z');
    await run.waitForScreen(/replay stopped at frame 1/u);
    expect(run.screen()).not.toMatch(/zombie: pid 50/u);
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
  }, 40_000);

  it('its text reaches the dashboard sanitized: no title set, no escape passed through', async () => {
    const path = file('hostile.pvrec');
    const writer = RecordingWriter.create(path, {
      scope: { kind: 'demo', label: `lab${ESCAPES}` },
      intervalMs: 1000,
      host: `h${ESCAPES}`,
      startedAt: 1_700_000_000_000,
    });
    for (let i = 0; i < 3; i += 1) {
      writer.frame({ seq: i + 1, begunAt: i * 1000, snapshot: hostile(i), events: [], source: 'polling', sourceWords: `words${ESCAPES}` }, [50]);
      writer.note({ at: 1_700_000_000_010 + i * 1000, pane: 'lesson', tone: `plain${ESCAPES}`, text: `note${ESCAPES}` });
    }
    writer.close();
    const run = runInPty(['replay', path], { cols: 150, rows: 45 });
    runs.push(run);
    await run.waitForScreen(/frame 3\/3/u, 20_000);
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
    expect(run.titles.filter((title) => title.includes('PWNED'))).toEqual([]);
    expect(run.output()).not.toContain('\x1b]0;PWNED');
  }, 40_000);
});
