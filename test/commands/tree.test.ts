// `procview tree` on subtrees this test starts, against the text psmisc pstree
// prints for them. The expected text below is what `pstree -U PID` (psmisc
// 23.6, Debian 12, LANG=C.UTF-8) printed for the same shell scripts; on a pipe
// pstree draws ASCII (`-+-`, `|-`, `` `- ``) unless told -U, on a UTF-8
// terminal it draws these same characters. Where pstree is installed, the
// last tests also compare with it live, character for character.
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/width.js';
import { waitFor } from '../helpers/processes.js';
import { procps } from '../helpers/procps.js';
import { startNamedThreads, startZombieLeader } from '../helpers/python-threads.js';
import { BIN, ensureBuilt, lines, runCli, spawnPid } from '../helpers/run-cli.js';

beforeAll(ensureBuilt);

/** The command names of every descendant of `root`, sorted (from procps ps, an oracle independent of ours). */
function descendantComms(root: number): string[] {
  const rows = procps(['-e', '-o', 'pid=,ppid=,comm='])
    .trim()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s(.*)$/u.exec(line))
    .flatMap((match) => (match === null ? [] : [{ pid: Number(match[1]), ppid: Number(match[2]), comm: match[3]?.trim() ?? '' }]));
  const inside = new Set([root]);
  const comms: string[] = [];
  // ps lists by pid; repeat until no new descendant turns up, so a child with a smaller pid than its parent is found too.
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (inside.has(row.pid) || !inside.has(row.ppid)) continue;
      inside.add(row.pid);
      comms.push(row.comm);
      grew = true;
    }
  }
  return comms.sort();
}

/** Children of `ppid` by pid, from procps ps. */
function childPids(ppid: number): number[] {
  const text = procps(['-o', 'pid=', '--ppid', String(ppid)]).trim();
  return text === ''
    ? []
    : text
        .split(/\s+/u)
        .map(Number)
        .sort((x, y) => x - y);
}

/** `sh -c script` in its own group, once its descendants are exactly `comms` (every fork has exec'd). */
async function startTree(script: string, comms: readonly string[]): Promise<number> {
  const root = spawnPid('sh', ['-c', script]);
  const want = [...comms].sort();
  await waitFor(() => JSON.stringify(descendantComms(root)) === JSON.stringify(want), { what: `descendants ${want.join(' ')}` });
  return root;
}

/**
 * Each subtree: the script, its descendants once settled, and what pstree -U printed for it. The
 * sleepers outlast a loaded run (the tests' cleanup ends their groups).
 */
const SUBTREES = {
  'a shell with three identical sleepers': {
    script: 'sleep 300 & sleep 300 & sleep 300 & wait',
    comms: ['sleep', 'sleep', 'sleep'],
    pstree: ['sh───3*[sleep]'],
  },
  'two chains sh → sh → sleep': {
    script: 'sh -c "sleep 300; true" & sh -c "sleep 300; true" & wait',
    comms: ['sh', 'sh', 'sleep', 'sleep'],
    pstree: ['sh───2*[sh───sleep]'],
  },
  'a mixed tree': {
    script: [
      'sleep 300 &',
      'sleep 300 &',
      'sh -c "sleep 300; true" &',
      'sh -c "sleep 300; true" &',
      'sh -c "sleep 300 & sleep 300 & wait" &',
      'sh -c "sh -c \\"sleep 300; true\\"; true" &',
      'sh -c "sleep 300 & tail -f /dev/null & wait" &',
      'sh -c "sleep 300 & tail -f /dev/null & wait" &',
      'tail -f /dev/null &',
      'wait',
    ].join(' '),
    comms: [...Array<string>(7).fill('sh'), ...Array<string>(9).fill('sleep'), 'tail', 'tail', 'tail'],
    pstree: ['sh─┬─2*[sh───sleep]', '   ├─sh───2*[sleep]', '   ├─sh───sh───sleep', '   ├─2*[sh─┬─sleep]', '   │       └─tail]', '   ├─2*[sleep]', '   └─tail'],
  },
} as const;

describe('procview tree on subtrees it did not make', () => {
  for (const [name, { script, comms, pstree }] of Object.entries(SUBTREES)) {
    it(`draws ${name} as pstree -U does`, async () => {
      const root = await startTree(script, comms);
      const { code, stdout, stderr } = await runCli(['tree', String(root)]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(lines(stdout)).toEqual(pstree);
    });
  }

  it('-p shows name(pid) and folds nothing; the branches stand under the ┬', async () => {
    const sleepers = SUBTREES['a shell with three identical sleepers'];
    const root = await startTree(sleepers.script, sleepers.comms);
    const [a, b, c] = childPids(root);
    const pad = ' '.repeat(`sh(${root})`.length + 1);
    expect(lines((await runCli(['tree', '-p', String(root)])).stdout)).toEqual([`sh(${root})─┬─sleep(${a})`, `${pad}├─sleep(${b})`, `${pad}└─sleep(${c})`]);
    const chains = SUBTREES['two chains sh → sh → sleep'];
    const top = await startTree(chains.script, chains.comms);
    const [first, second] = childPids(top).map((pid) => [pid, childPids(pid)[0]]);
    expect(lines((await runCli(['tree', '-p', String(top)])).stdout)).toEqual([
      `sh(${top})─┬─sh(${first?.[0]})───sleep(${first?.[1]})`,
      `${' '.repeat(`sh(${top})`.length + 1)}└─sh(${second?.[0]})───sleep(${second?.[1]})`,
    ]);
  });

  it('shows the subtree under its parent in the whole tree', async () => {
    const root = await startTree(SUBTREES['a shell with three identical sleepers'].script, SUBTREES['a shell with three identical sleepers'].comms);
    // -w: through a pipe lines are cut at 132 columns, as pstree cuts them.
    const { code, stdout } = await runCli(['tree', '--pids', '-w']);
    expect(code).toBe(0);
    const all = lines(stdout);
    const at = all.findIndex((line) => line.includes(`─sh(${root})─┬─sleep(`));
    expect(at).toBeGreaterThanOrEqual(0);
    const line = all[at] ?? '';
    // This test process is the parent: on the same line (first child) or on one above, in the column before.
    const shColumn = displayWidth(line.slice(0, line.indexOf(`sh(${root})`)));
    const parentLine = all.slice(0, at + 1).findLast((candidate) => candidate.includes(`(${process.pid})`)) ?? '';
    expect(displayWidth(parentLine.slice(0, parentLine.indexOf(`(${process.pid})`)))).toBeLessThan(shColumn);
    const branch = displayWidth(line.slice(0, line.indexOf('┬', line.indexOf(`sh(${root})`))));
    const sleeps = [line, all[at + 1] ?? '', all[at + 2] ?? ''].map((text) => /sleep\((\d+)\)$/u.exec(text)?.[1]);
    expect(sleeps.every((pid) => pid !== undefined)).toBe(true);
    expect([...(all[at + 1] ?? '')][branch]).toBe('├');
    expect([...(all[at + 2] ?? '')][branch]).toBe('└');
  });

  it('--json prints { version: 1, kind: "tree", roots: [{ proc, children }] } with every field, unfolded', async () => {
    const root = await startTree(SUBTREES['a shell with three identical sleepers'].script, SUBTREES['a shell with three identical sleepers'].comms);
    const { code, stdout } = await runCli(['tree', String(root), '--json']);
    expect(code).toBe(0);
    type Node = { proc: Record<string, unknown>; children: Node[] };
    const document = JSON.parse(stdout) as { version: unknown; kind: unknown; takenAt: unknown; cpuPercentBasis: unknown; roots: Node[] };
    expect(Object.keys(document)).toEqual(['version', 'kind', 'takenAt', 'cpuPercentBasis', 'roots']);
    expect(document).toMatchObject({ version: 1, kind: 'tree', cpuPercentBasis: 'lifetime' });
    expect(typeof document.takenAt).toBe('number');
    const roots = document.roots;
    expect(roots).toHaveLength(1);
    // No terminal: null, not ps's '?'; a one-shot %CPU is ps's lifetime figure, so it is known.
    expect(roots[0]?.proc).toMatchObject({ tty: null, cpuPercent: expect.any(Number) as unknown });
    expect(roots[0]?.proc).toMatchObject({ pid: root, ppid: process.pid, comm: 'sh' });
    expect(roots[0]?.children.map((child) => [child.proc.ppid, child.proc.comm, child.children.length])).toEqual([
      [root, 'sleep', 0],
      [root, 'sleep', 0],
      [root, 'sleep', 0],
    ]);
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

/** pstree's path when psmisc is installed. */
function findPstree(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v pstree'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const PSTREE = findPstree();

/** The environment both commands run in: UTF-8, and COLUMNS only when a test sets it. */
function environment(columns?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  delete env.COLUMNS;
  return columns === undefined ? env : { ...env, COLUMNS: String(columns) };
}

/**
 * pstree's drawing in UTF-8 (-U: on a pipe it would draw ASCII). Where it cuts a line on a
 * line-drawing character, pstree writes one `+` per byte of that character (its out_char counts
 * the column once but tests every byte): `+++`, where procview writes the one `+` meant.
 */
function pstree(args: readonly string[], columns?: number): string[] {
  return lines(execFileSync(PSTREE ?? 'pstree', ['-U', ...args], { encoding: 'utf8', env: environment(columns) })).map((line) => line.replace(/\+\+\+$/u, '+'));
}

/** procview tree through a pipe, as the installed command, with COLUMNS when given. */
function procviewTree(args: readonly string[], columns?: number): string[] {
  const result = spawnSync(process.execPath, [BIN, 'tree', ...args], { encoding: 'utf8', env: environment(columns) });
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  return lines(result.stdout);
}

describe.runIf(PSTREE !== undefined)('procview tree against pstree, live (psmisc installed)', () => {
  it('prints what pstree -U prints for each subtree, and what pstree -pU prints with -p', async () => {
    for (const { script, comms } of Object.values(SUBTREES)) {
      const root = await startTree(script, comms);
      expect(lines((await runCli(['tree', String(root)])).stdout)).toEqual(pstree([String(root)]));
      expect(lines((await runCli(['tree', '-p', String(root)])).stdout)).toEqual(pstree(['-p', String(root)]));
    }
  });

  // Siblings of one name are ordered by uid, which pstree takes from the owner of /proc/PID, as
  // procview tree does (fields 'pstree'); the one run as nobody starts first, so pid order alone would be wrong.
  it.runIf(process.geteuid?.() === 0)('orders same-named siblings of two users as pstree does', async () => {
    const root = await startTree('setpriv --reuid 65534 --regid 65534 --clear-groups sleep 30 & sleep 31 & wait', ['sleep', 'sleep']);
    const [first] = childPids(root);
    expect(first).toBeDefined();
    expect(procps(['-o', 'euid=', '-p', String(first)]).trim()).toBe('65534');
    for (const args of [[String(root)], ['-p', String(root)]]) expect(lines((await runCli(['tree', ...args])).stdout)).toEqual(pstree(args));
  });

  it('draws threads as pstree does: {name} children, folded without -p, a thread alone by its id, none with -T', async () => {
    const pid = await startNamedThreads(['alpha', 'beta', 'gamma']);
    for (const args of [[], ['-p'], ['-t'], ['-T'], ['-pt']])
      expect({ args, lines: procviewTree([...args, String(pid)]) }).toEqual({ args, lines: pstree([...args, String(pid)]) });
    expect(procviewTree([String(pid)])).toEqual(['python3───3*[{python3}]']);
    const tid = Number(/\{python3\}\((\d+)\)$/u.exec(procviewTree(['-p', String(pid)])[1] ?? '')?.[1]);
    expect(tid).toBeGreaterThan(pid);
    expect(procviewTree(['-p', String(tid)])).toEqual(pstree(['-p', String(tid)]));
    expect(procviewTree(['-p', String(tid)])).toEqual([`{python3}(${tid})`]);
  });

  it('draws a process whose leader has exited while a thread runs as pstree does, not as defunct', async () => {
    const pid = await startZombieLeader();
    expect(procviewTree(['-p', String(pid)])).toEqual(pstree(['-p', String(pid)]));
    expect(procviewTree([String(pid)])).toEqual(['python3───{python3}']);
  });

  it('cuts lines as pstree does: at 132 columns through a pipe, at COLUMNS when set, with +, and no line without text', async () => {
    // A chain of 12 shells (each waits for its child: `; true`) and a sleeper: 145 columns and more with -p.
    const script = 'if [ "$1" -gt 0 ]; then sh -c "$0" "$0" $(($1 - 1)); true; else sleep 30; fi';
    const root = spawnPid('sh', ['-c', script, script, '12']);
    await waitFor(() => descendantComms(root).length === 13 && descendantComms(root).includes('sleep'), { what: 'a chain of 13' });
    const long = procviewTree(['-p', String(root)]);
    expect(long).toEqual(pstree(['-p', String(root)]));
    expect(long).toHaveLength(1);
    expect(long[0]).toMatch(/\+$/u);
    expect(displayWidth(long[0] ?? '')).toBe(132);
    for (const columns of [20, 40, 41, 42, 60])
      expect({ columns, lines: procviewTree(['-p', String(root)], columns) }).toEqual({ columns, lines: pstree(['-p', String(root)], columns) });
    const mixed = SUBTREES['a mixed tree'];
    const top = await startTree(mixed.script, mixed.comms);
    for (const columns of [12, 20, 25, 30, 33]) {
      const drawn = procviewTree(['-p', String(top)], columns);
      expect({ columns, lines: drawn }).toEqual({ columns, lines: pstree(['-p', String(top)], columns) });
      for (const line of drawn) expect(line).toMatch(/[^│ ]/u);
    }
    expect(procviewTree(['-p', '-l', String(root)], 20)).toEqual(pstree(['-p', '-l', String(root)], 20));
  });
});

/** Runs `script` in a shell inside `wrapper` (unshare, setpriv) and gives back what procview and pstree printed there, split at `---`. */
function insideBoth(wrapper: readonly string[], script: string): { procview: string[]; pstree: string[] } {
  // Bounded: the script's own polls end when the deadline kills it.
  const result = spawnSync(wrapper[0] ?? 'unshare', [...wrapper.slice(1), script], {
    encoding: 'utf8',
    env: environment(),
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  const [procview = '', theirs = ''] = result.stdout.split('---\n');
  return { procview: lines(procview), pstree: lines(theirs) };
}

/** A sleeper started and exec'd (polled: its comm says sleep), then both trees without threads, then the sleeper killed and reaped. */
const BOTH_TREES = `sleep 300 & while [ "$(cat /proc/$!/comm)" != sleep ]; do :; done; ${process.execPath} ${BIN} tree -T; echo ---; pstree -UT; kill $!; wait`;

/** A uid of its own for the hidepid tests: hidepid=2 shows a user every process of that uid, and other tests run as nobody (65534). */
const OWN_UID = 60_000 + (process.pid % 5_000);

/** Whether this process may make namespaces (root; unshare from util-linux). */
const CAN_UNSHARE = PSTREE !== undefined && process.geteuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;

describe.runIf(CAN_UNSHARE)('procview tree without a PID, where PID 1 differs (namespaces; root)', () => {
  it('in a container (a new PID namespace) draws the tree of its init, as pstree', () => {
    const { procview, pstree: theirs } = insideBoth(['unshare', '-pf', '--mount-proc', 'sh', '-c'], BOTH_TREES);
    expect(theirs).toEqual(['sh─┬─pstree', '   └─sleep']);
    expect(procview).toEqual(['sh─┬─node', '   └─sleep']);
  });

  it('with hidepid=2, as a user who cannot see PID 1 or its own parent, draws ? for each as pstree does', () => {
    const asOwnUid = `mount -t proc -o hidepid=2 proc /proc && exec setpriv --reuid ${OWN_UID} --regid ${OWN_UID} --clear-groups sh -c '${BOTH_TREES}'`;
    const { procview, pstree: theirs } = insideBoth(['unshare', '-m', 'sh', '-c'], asOwnUid);
    expect(theirs).toEqual(['?───?───sh─┬─pstree', '           └─sleep']);
    expect(procview).toEqual(['?───?───sh─┬─node', '           └─sleep']);
  });

  it("with hidepid=2, hangs a process adopted by the hidden PID 1 under PID 1's ? itself, with a PID of 1 too", () => {
    // A process of the test's own uid whose parent exited: adopted by PID 1, which this user cannot see.
    const script = [
      'mount -t proc -o hidepid=2 proc /proc || exit 1',
      `NB="setpriv --reuid ${OWN_UID} --regid ${OWN_UID} --clear-groups"`,
      `T=$($NB sh -c 'timeout 300 sleep 300 </dev/null >/dev/null 2>&1 & echo $!')`,
      // Field 4 of its stat: the parent, 1 once the sh that started it has exited; then its sleep started.
      'until [ "$(cut -d" " -f4 /proc/$T/stat 2>/dev/null)" = 1 ] && [ -n "$(cat /proc/$T/task/$T/children 2>/dev/null)" ]; do :; done',
      `$NB sh -c '${process.execPath} ${BIN} tree -T; echo ---; pstree -UT; echo ---; ${process.execPath} ${BIN} tree -T 1; echo ---; pstree -UT 1'`,
      'kill $T',
    ].join('\n');
    const result = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8', env: environment(), timeout: 60_000, killSignal: 'SIGKILL' });
    const [procview = '', theirs = '', procviewOne = '', theirsOne = ''] = result.stdout.split('---\n').map((part) => lines(part).join('\n'));
    expect(theirs, result.stderr).toBe('?─┬─?───sh───pstree\n  └─timeout───sleep');
    expect(procview).toBe(theirs.replace('pstree', 'node'));
    expect(procviewOne).toBe(theirsOne.replace('pstree', 'node'));
  });

  it('with hidepid=2, puts the stand-ins for three hidden parents in pstree’s order', () => {
    // Two hidden (root) shells, each with a process of the test's own uid (`timeout` ends its sleeper in any case),
    // made before the shell that draws both trees, so its stand-in has the highest first pid.
    const script = [
      'mount -t proc -o hidepid=2 proc /proc || exit 1',
      `NB="setpriv --reuid ${OWN_UID} --regid ${OWN_UID} --clear-groups"`,
      'sh -c "$NB timeout 300 sleep 300 & wait" & A=$!',
      'sh -c "$NB timeout 300 tail -f /dev/null & wait" & B=$!',
      'kid() { set -- $(cat /proc/$1/task/$1/children 2>/dev/null); echo "$1"; }',
      'until [ "$(cat /proc/$(kid $(kid $A))/comm 2>/dev/null)" = sleep ] && [ "$(cat /proc/$(kid $(kid $B))/comm 2>/dev/null)" = tail ]; do :; done',
      `$NB sh -c '${BOTH_TREES}'`,
      // The sleeper and tail themselves, so each timeout reaps its own and no zombie is left for init.
      'kill $(kid $(kid $A)) $(kid $(kid $B)); wait',
    ].join('\n');
    const { procview, pstree: theirs } = insideBoth(['unshare', '-m', 'sh', '-c'], script);
    // Which of the two hidden shells forks its child first is up to the scheduler: pstree shows the order.
    expect(theirs.slice(0, 2)).toEqual(['?─┬─?───sh─┬─pstree', '  │        └─sleep']);
    expect(
      theirs
        .slice(2)
        .map((line) => line.slice(4))
        .sort(),
    ).toEqual(['?───timeout───sleep', '?───timeout───tail']);
    expect(procview).toEqual(theirs.map((line) => line.replace('pstree', 'node')));
  });
});

describe('procview tree, where it means to differ from pstree', () => {
  it('without a PID draws the tree of PID 1 alone: no kthreadd and its kernel threads beside it', async () => {
    const drawn = lines((await runCli(['tree', '-p', '-w'])).stdout);
    expect(drawn[0]).toMatch(/^\S.*\(1\)/u);
    expect(drawn.slice(1).every((line) => /^ /u.test(line))).toBe(true);
    expect(drawn.some((line) => line.includes('kthreadd(2)'))).toBe(false);
  });

  it('marks a zombie <defunct>, which pstree does not', async () => {
    const root = spawnPid('sh', ['-c', 'sleep 0 & exec sleep 300']);
    await waitFor(() => /^Z/u.test(procps(['-o', 'stat=', '--ppid', String(root)]).trim()), { what: 'a zombie child' });
    expect(procviewTree([String(root)])).toEqual(['sleep───sleep <defunct>']);
    if (PSTREE !== undefined) expect(pstree([String(root)])).toEqual(['sleep───sleep']);
  });

  it('--json lists each process’s threads by tid with their own names ([] for none)', async () => {
    const pid = await startNamedThreads(['alpha', 'beta']);
    type Node = { proc: { pid: number }; children: Node[]; threads: { tid: number; comm: string | null }[] | null };
    const document = JSON.parse((await runCli(['tree', '--json', String(pid)])).stdout) as { roots: Node[] };
    expect(document.roots[0]?.threads?.map((thread) => thread.comm)).toEqual(['alpha', 'beta']);
    const sleepers = await startTree(SUBTREES['a shell with three identical sleepers'].script, SUBTREES['a shell with three identical sleepers'].comms);
    const plain = JSON.parse((await runCli(['tree', '--json', String(sleepers)])).stdout) as { roots: Node[] };
    expect(plain.roots[0]?.threads).toEqual([]);
    expect((JSON.parse((await runCli(['tree', '--json', '-T', String(sleepers)])).stdout) as { roots: Node[] }).roots[0]?.threads).toBeNull();
  });
});
