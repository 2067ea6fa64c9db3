// explainStep on hand-made tables and facts: what the kernel's facts add to a diff.
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/inspect/diff.js';
import { CARRY_LIMIT_MS, explainStep } from '../../../src/inspect/events/explain.js';
import { FactBook, NO_FACTS, type Facts } from '../../../src/inspect/events/facts.js';
import { FORKED_NO_EXEC } from '../../../src/inspect/fork-mark.js';
import type { ProcEvent, Snapshot } from '../../../src/inspect/types.js';
import { proc, snapshot } from '../diff-builders.js';

const T = 1_700_000_100_000;
const sh = proc({ pid: 100, ppid: 50, pgid: 100, comm: 'sh', args: "sh -c 'sleep 2 & exit 0'" });
const parent = proc({ pid: 50, ppid: 1, comm: 'bash', args: 'bash' });

function facts(partial: Partial<Facts>): Facts {
  return { ...NO_FACTS, ...partial };
}

/**
 * A fork demo's facts: bash (50) forks 102 at T+1, which execs (`execTimes`), forks 103
 * (`forkedAt`) and exits 0 at T+4; `more` replaces any of them.
 */
function forkDemo(more: Partial<Facts> = {}, execTimes = [T + 2], forkedAt = T + 3): Facts {
  return facts({
    forks: new Map([
      [102, { parent: 50, at: T + 1, source: 'kernel' }],
      [103, { parent: 102, at: forkedAt, source: 'kernel' }],
    ]),
    execs: new Map([[102, { times: execTimes }]]),
    exits: new Map([[102, { at: T + 4, status: { code: 0, signal: undefined, coreDumped: false }, parent: 50 }]]),
    ...more,
  });
}

function explain(prev: Snapshot, next: Snapshot, f: Facts, now = next.takenAt): ProcEvent[] {
  return explainStep(diffSnapshots(prev, next), prev, next, f, now).events;
}

describe('explainStep', () => {
  it('says a process last read stopped, then gone with an exit code, was continued first (inferred), not one killed', () => {
    const stopped = proc({ pid: 102, ppid: 100, pgid: 100, comm: 'sh', state: 'T', stat: 'T' });
    const prev = snapshot([parent, sh, stopped], T);
    const exited = (status: { code: number | undefined; signal: string | undefined }, more: Partial<Facts> = {}, next = snapshot([parent, sh], T + 10)) =>
      explain(prev, next, facts({ exits: new Map([[102, { at: T + 3, status: { ...status, coreDumped: false }, parent: 100 }]]), ...more })).filter(
        (e) => e.pid === 102,
      );
    const events = exited({ code: 3, signal: undefined });
    expect(events.map((e) => e.kind)).toEqual(['continue', 'exit']);
    // Stamped just before the exit it is inferred from (the order of the lines, shown at the same time).
    expect(events[0]).toMatchObject({ source: 'kernel', comm: 'sh' });
    expect(events[0]?.at).toBeLessThan(T + 3);
    expect(events[0]?.at).toBeGreaterThan(T + 2.99);
    expect(events[0]?.inferred).toContain('last read stopped');
    // Turned zombie: the same.
    const zombie = proc({ ...stopped, state: 'Z', stat: 'Z' });
    expect(exited({ code: 3, signal: undefined }, {}, snapshot([parent, sh, zombie], T + 10)).map((e) => e.kind)).toEqual(['continue', 'zombie']);
    // A signal ends a stopped process where it stands: nothing ran, nothing is said.
    expect(exited({ code: undefined, signal: 'SIGKILL' }).map((e) => e.kind)).toEqual(['exit']);
    expect(exited({ code: undefined, signal: 'SIGTERM' }).map((e) => e.kind)).toEqual(['exit']);
    // A fork of the pid in the step: the exit is another process's.
    const reborn = exited({ code: 0, signal: undefined }, { forks: new Map([[102, { parent: 100, at: T + 2, source: 'kernel' }]]) });
    expect(reborn.some((e) => e.kind === 'continue')).toBe(false);
    // Read running last: a continue seen or not, nothing inferred.
    const running = snapshot([parent, sh, proc({ ...stopped, state: 'S', stat: 'S' })], T);
    const fromRunning = explainStep(
      diffSnapshots(running, snapshot([parent, sh], T + 10)),
      running,
      snapshot([parent, sh], T + 10),
      facts({ exits: new Map([[102, { at: T + 3, status: { code: 0, signal: undefined, coreDumped: false }, parent: 100 }]]) }),
      T + 10,
    ).events;
    expect(fromRunning.some((e) => e.kind === 'continue')).toBe(false);
  });

  it('puts the inferred continue before the first thing it did once continued, and keeps it before its end line', () => {
    const stopped = proc({ pid: 302, ppid: 100, pgid: 100, comm: 'sh', state: 'T', stat: 'T' });
    const prev = snapshot([parent, sh, stopped], T);
    const next = snapshot([parent, sh], T + 10);
    const status = { code: 3, signal: undefined, coreDumped: false };
    const exits = new Map([
      [302, { at: T + 5, status, parent: 100 }],
      [303, { at: T + 4, status: { code: 0, signal: undefined, coreDumped: false }, parent: 302 }],
    ]);
    // It forked a child (which ran and exited) and exec'd, then exited: continued before the fork.
    const events = explain(
      prev,
      next,
      facts({ exits, forks: new Map([[303, { parent: 302, at: T + 2, source: 'kernel' }]]), execs: new Map([[302, { times: [T + 3] }]]) }),
    );
    const kinds = events.map((e) => `${e.kind} ${e.pid}`);
    expect(kinds.indexOf('continue 302')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('continue 302')).toBeLessThan(kinds.indexOf('spawn 303'));
    expect(kinds.indexOf('exec 302')).toBeLessThan(kinds.indexOf('exit 302'));
    expect(events.find((e) => e.kind === 'continue')?.at).toBeLessThan(T + 2);
    // A zombie line moved before the adoption of its lower-pid child takes its continue along.
    const child = proc({ pid: 200, ppid: 302, pgid: 100, comm: 'sleep' });
    const withChild = snapshot([parent, sh, child, stopped], T);
    const after = snapshot([parent, sh, proc({ ...child, ppid: 1 }), proc({ ...stopped, state: 'Z', stat: 'Z' })], T + 10);
    const ordered = explain(withChild, after, facts({ exits: new Map([[302, { at: T + 5, status, parent: 100 }]]) })).map((e) => `${e.kind} ${e.pid}`);
    expect(ordered.indexOf('continue 302')).toBe(ordered.indexOf('zombie 302') - 1);
  });

  it('infers no continue for a traced (t) leader of several threads: another thread may have exited it', () => {
    const traced = (threads: number) => proc({ pid: 402, ppid: 100, pgid: 100, comm: 'app', state: 't', stat: 't', threads });
    const status = { code: 3, signal: undefined, coreDumped: false };
    const kindsFor = (threads: number): string[] =>
      explain(
        snapshot([parent, sh, traced(threads)], T),
        snapshot([parent, sh], T + 10),
        facts({ exits: new Map([[402, { at: T + 5, status, parent: 100 }]]) }),
      )
        .filter((e) => e.pid === 402)
        .map((e) => e.kind);
    expect(kindsFor(2)).toEqual(['exit']);
    expect(kindsFor(1)).toEqual(['continue', 'exit']);
  });

  it('gives a child first read under PID 1 its real parent, then says it was orphaned', () => {
    const prev = snapshot([parent, sh], T);
    const child = proc({ pid: 101, ppid: 1, pgid: 100, comm: 'sleep', args: 'sleep 2' });
    const next = snapshot([parent, child], T + 10);
    const events = explain(
      prev,
      next,
      facts({
        forks: new Map([[101, { parent: 100, at: T + 1, source: 'kernel' }]]),
        exits: new Map([[100, { at: T + 2, status: { code: 0, signal: undefined, coreDumped: false }, parent: 50 }]]),
      }),
    );
    expect(events.map((e) => e.kind)).toEqual(['spawn', 'exit', 'reparent']);
    expect(events[0]).toMatchObject({ kind: 'spawn', pid: 101, ppid: 100, at: T + 1, source: 'kernel' });
    expect(events[1]).toMatchObject({ kind: 'exit', pid: 100, status: { code: 0 }, source: 'kernel' });
    expect(events[2]).toMatchObject({ kind: 'reparent', pid: 101, from: 100, to: 1, orphaned: true, adopter: 'init' });
  });

  it("does not name an exit after a program the process exec'd away from since it was read", () => {
    // Read running its parent's program (forkexec); it then exec'd echo and exited before any read named echo.
    const child = proc({ pid: 102, ppid: 100, pgid: 100, comm: 'forkexec', args: './forkexec' });
    const prev = snapshot([parent, sh, child], T);
    const next = snapshot([parent, sh], T + 10);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const exits = new Map([[102, { at: T + 3, status, parent: 100 }]]);
    const exitOf = (f: Facts): ProcEvent | undefined => explain(prev, next, f).find((e) => e.kind === 'exit' && e.pid === 102);
    expect(exitOf(facts({ exits, execs: new Map([[102, { times: [T + 2] }]]) }))?.comm).toBeUndefined();
    // The kernel said the new name: that one.
    expect(exitOf(facts({ exits, execs: new Map([[102, { times: [T + 2] }]]), comms: new Map([[102, 'echo']]) }))?.comm).toBe('echo');
    // Its exit fact not taken in yet (read gone first; the status comes later): named the same way.
    expect(exitOf(facts({ execs: new Map([[102, { times: [T + 2] }]]) }))?.comm).toBeUndefined();
    // An exec in the millisecond of the read may have come after it: not trusted either.
    expect(exitOf(facts({ exits, execs: new Map([[102, { times: [T] }]]) }))?.comm).toBeUndefined();
    // No exec since the read: the name read stands.
    expect(exitOf(facts({ exits }))?.comm).toBe('forkexec');
    expect(exitOf(facts({ exits, execs: new Map([[102, { times: [T - 5] }]]) }))?.comm).toBe('forkexec');
  });

  it('names both possible reapers of a zombie gone in the step its parent exited in, at that exit and before its line', () => {
    const zombie = proc({ pid: 101, ppid: 100, pgid: 100, comm: 'child', args: '', state: 'Z', stat: 'Z' });
    const prev = snapshot([parent, sh, zombie], T);
    const next = snapshot([parent], T + 10);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(prev, next, facts({ exits: new Map([[100, { at: T + 4, status, parent: 50 }]]) }));
    expect(events.map((e) => `${e.kind} ${e.pid}`)).toEqual(['reap 101', 'exit 100']);
    // The reaper stays unknown; the parent that exited is named apart.
    expect(events[0]).toMatchObject({ kind: 'reap', pid: 101, by: undefined, lastParent: 100, at: T + 4 });
    expect(events[0]?.inferred).toMatch(/reaped by 100 before that exit, or by its adopter after \(not seen which\)/);
    // Without the parent's exit from the kernel (polling), the reaper stays unknown, and nothing is inferred.
    const polled = explain(prev, next, facts({})).find((e) => e.kind === 'reap');
    expect(polled).toMatchObject({ kind: 'reap', pid: 101, by: undefined });
    expect(polled?.inferred).toBeUndefined();
    expect(polled).not.toHaveProperty('lastParent');
  });

  it("names a child at its start (and whatever came before its exec) as its parent's copy, which the exec line starts from", () => {
    // Read after it exec'd sleep; forked from sh, orphaned, then exec'd.
    const prev = snapshot([parent, sh], T);
    const child = proc({ pid: 101, ppid: 1, pgid: 100, comm: 'sleep', args: 'sleep 2' });
    const next = snapshot([parent, child], T + 10);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(
      prev,
      next,
      facts({
        forks: new Map([[101, { parent: 100, at: T + 1, source: 'kernel' }]]),
        exits: new Map([[100, { at: T + 2, status, parent: 50 }]]),
        execs: new Map([[101, { times: [T + 3] }]]),
      }),
    );
    const lines = events.map((e) => `${e.kind} ${e.pid} ${e.comm}`);
    expect(lines).toEqual(['spawn 101 sh', 'exit 100 sh', 'reparent 101 sh', 'exec 101 sleep']);
    expect(events.find((e) => e.kind === 'exec')).toMatchObject({ fromComm: 'sh', args: 'sleep 2' });
  });

  it("starts a child's exec from its parent's command line as last read alive, when this step reads that parent a zombie", () => {
    // sh -c 'sleep 0.3 & exit 0' under run: sh forked, exited and reads Z (its parent has not waited);
    // the child exec'd before any read. A zombie's command line reads empty: the line had been `exec: sh → sleep 0.3`.
    const zombie = { ...sh, state: 'Z', stat: 'Z', args: '' };
    const child = proc({ pid: 101, ppid: 1, pgid: 100, comm: 'sleep', args: 'sleep 0.3' });
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(
      snapshot([parent, sh], T),
      snapshot([parent, zombie, child], T + 10),
      facts({
        forks: new Map([[101, { parent: 100, at: T + 1, source: 'kernel' }]]),
        exits: new Map([[100, { at: T + 2, status, parent: 50 }]]),
        execs: new Map([[101, { times: [T + 3] }]]),
      }),
    );
    expect(events.find((e) => e.kind === 'exec')).toMatchObject({ fromComm: sh.comm, fromArgs: sh.args, args: 'sleep 0.3' });
  });

  it('renames no line of an earlier process that had the same pid, in the step it was reused in', () => {
    const old = proc({ pid: 102, ppid: 50, comm: 'old', args: 'old', startTime: 1 });
    const reused = proc({ pid: 102, ppid: 50, comm: 'new', args: 'new', startTime: 2 });
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(
      snapshot([parent, old], T),
      snapshot([parent, reused], T + 10),
      facts({
        exits: new Map([[102, { at: T + 1, status, parent: 50 }]]),
        forks: new Map([[102, { parent: 50, at: T + 2, source: 'kernel' }]]),
        execs: new Map([[102, { times: [T + 3] }]]),
      }),
    );
    expect(events.map((e) => `${e.kind} ${e.comm}`)).toEqual(['exit old', 'spawn bash', 'exec new']);
  });

  it("says a parent's end before the adoption it caused, which the kernel times the same", () => {
    const prev = snapshot([parent, sh], T);
    const child = proc({ pid: 101, ppid: 1, pgid: 100, comm: 'sleep', args: 'sleep 2' });
    const status = { code: 0, signal: undefined, coreDumped: false };
    const exits = new Map([[100, { at: T + 2, status, parent: 50 }]]);
    const forks = new Map([[101, { parent: 100, at: T + 1, source: 'kernel' as const }]]);
    const read = proc({ pid: 101, ppid: 100, pgid: 100, comm: 'sleep', args: 'sleep 2' });
    // The child forked and adopted between two reads, or read under the parent before; the parent
    // read as a zombie (its own parent has not waited yet), or already gone.
    const cases: [Snapshot, Snapshot][] = [
      [prev, snapshot([parent, { ...sh, state: 'Z', stat: 'Z' }, child], T + 10)],
      [prev, snapshot([parent, child], T + 10)],
      [snapshot([parent, sh, read], T), snapshot([parent, { ...sh, state: 'Z', stat: 'Z' }, child], T + 10)],
      [snapshot([parent, sh, read], T), snapshot([parent, child], T + 10)],
    ];
    for (const [before, next] of cases) {
      const events = explain(before, next, facts({ forks: before === prev ? forks : new Map(), exits }));
      const end = events.findIndex((e) => (e.kind === 'zombie' || e.kind === 'exit') && e.pid === 100);
      const adoption = events.findIndex((e) => e.kind === 'reparent' && e.pid === 101);
      expect(events[end]?.at).toBe(T + 2);
      expect(events[adoption]?.at).toBe(T + 2);
      expect(end, JSON.stringify(events.map((e) => e.kind))).toBeLessThan(adoption);
    }
  });

  it('reports a process that lived between two reads from the facts alone, with its exit status', () => {
    const prev = snapshot([parent], T);
    const next = snapshot([parent], T + 10);
    const killed = { code: undefined, signal: 'SIGKILL', coreDumped: false };
    const events = explain(
      prev,
      next,
      facts({
        forks: new Map([[102, { parent: 50, at: T + 1, source: 'kernel' }]]),
        execs: new Map([[102, { times: [T + 2] }]]),
        exits: new Map([[102, { at: T + 3, status: killed, parent: 50 }]]),
      }),
    );
    expect(events).toEqual([
      { kind: 'spawn', at: T + 1, pid: 102, comm: 'bash', ppid: 50, source: 'kernel' },
      { kind: 'exec', at: T + 2, pid: 102, comm: undefined, source: 'kernel', fromComm: 'bash', fromArgs: 'bash', args: undefined },
      { kind: 'exit', at: T + 3, pid: 102, comm: undefined, ppid: 50, status: killed, source: 'kernel' },
    ]);
  });

  it("names a short program's exec by a child it forked after it, read before any exec or rename of its own", () => {
    // bash (50) forks 102, which execs the learner's program and forks 103 at once, then exits: 102
    // is in neither table, 103 is read under the name it was forked with.
    const prev = snapshot([parent], T);
    // Read with PF_FORKNOEXEC set (stat field 9): no exec of its own before that read.
    const child = proc({ pid: 103, ppid: 1, pgid: 102, comm: 'orphdemo', args: './orphdemo', [FORKED_NO_EXEC]: true });
    const next = snapshot([parent, child], T + 10);
    const step = (more: Partial<Facts> = {}, execTimes = [T + 2], forkedAt = T + 3, read = next) =>
      explain(prev, read, forkDemo(more, execTimes, forkedAt)).find((e) => e.kind === 'exec' && e.pid === 102);
    expect(step()).toEqual({
      kind: 'exec',
      at: T + 2,
      pid: 102,
      comm: 'orphdemo',
      nameFrom: 103,
      source: 'kernel',
      fromComm: 'bash',
      fromArgs: 'bash',
      args: undefined,
    });
    // Its exit line has that name too.
    const whole = explain(prev, next, forkDemo());
    expect(whole.find((e) => e.kind === 'exit' && e.pid === 102)?.comm).toBe('orphdemo');
    // The child exec'd before it was read: its name is its own program's.
    expect(
      step({
        execs: new Map([
          [102, { times: [T + 2] }],
          [103, { times: [T + 5] }],
        ]),
      })?.comm,
    ).toBeUndefined();
    // The child exec'd before it was read, its exec event not taken in yet (PF_FORKNOEXEC clear in
    // the read): its name is its own program's (`sh -c 'sleep 300 & exit 0'` said `exec: sh → sleep`,
    // then `1032 (sleep) started, child of 1031 (sleep)`). Nor is its start said under that name.
    const execd = snapshot([parent, proc({ ...child, comm: 'sleep', args: 'sleep 300', [FORKED_NO_EXEC]: false })], T + 10);
    expect(step({}, [T + 2], T + 3, execd)?.comm).toBeUndefined();
    const execdLines = explain(prev, execd, forkDemo());
    expect(execdLines.find((e) => e.kind === 'spawn' && e.pid === 103)?.comm).toBeUndefined();
    expect(execdLines.find((e) => e.kind === 'exit' && e.pid === 102)?.comm).toBeUndefined();
    // Unknown (a backend without stat's flags): no name either.
    const { [FORKED_NO_EXEC]: _, ...unmarked } = child as typeof child & { [FORKED_NO_EXEC]?: boolean };
    expect(step({}, [T + 2], T + 3, snapshot([parent, proc(unmarked)], T + 10))?.comm).toBeUndefined();
    // A rename the kernel reported, of the child or of the parent: the copy may not be the program's name.
    expect(step({ comms: new Map([[103, 'renamed']]) })?.comm).toBeUndefined();
    const renamedParent = step({ comms: new Map([[102, 'renamed']]) });
    expect(renamedParent?.comm).toBe('renamed');
    expect(renamedParent).not.toHaveProperty('nameFrom');
    // Forked before the exec: the child has the name from before it.
    expect(step({}, [T + 3.5])?.comm).toBeUndefined();
    // Forked by another thread than the main one: it copied that thread's name.
    const byThread = step({
      forks: new Map([
        [102, { parent: 50, at: T + 1, source: 'kernel' }],
        [103, { parent: 102, at: T + 3, source: 'kernel', byOtherThread: true }],
      ]),
    });
    expect(byThread?.comm).toBeUndefined();
    // Two execs, the fork between them: the first is named, not the second.
    const chain = explain(prev, next, forkDemo({}, [T + 2, T + 3.5])).filter((e) => e.kind === 'exec' && e.pid === 102);
    expect(chain.map((e) => e.comm)).toEqual(['orphdemo', undefined]);
  });

  it("starts a child of a parent that exec'd in the step from the parent's new program, not from a table's older read", () => {
    // procview run's `sh -c 'sleep 1 & exit 0'`: 102 execs sh (read as its batch came in), forks 103,
    // which execs sleep; 102 exits, 103 is orphaned. 102 was read before its exec, as bash.
    const before = proc({ pid: 102, ppid: 50, pgid: 102, comm: 'bash', args: 'bash' });
    const prev = snapshot([parent, before], T);
    const next = snapshot([parent, proc({ pid: 103, ppid: 1, pgid: 102, comm: 'sleep', args: 'sleep 1' })], T + 10);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(
      prev,
      next,
      facts({
        forks: new Map([[103, { parent: 102, at: T + 3, source: 'kernel' }]]),
        execs: new Map([
          [102, { times: [T + 2] }],
          [103, { times: [T + 4] }],
        ]),
        exits: new Map([[102, { at: T + 5, status, parent: 50 }]]),
        programs: new Map([[102, { comm: 'sh', args: 'sh -c sleep 1 & exit 0', at: T + 2.5 }]]),
      }),
    ).filter((e) => e.pid === 103);
    expect(events.map((e) => [e.kind, e.comm])).toEqual([
      ['spawn', 'sh'],
      ['exec', 'sleep'],
      ['reparent', 'sleep'],
    ]);
    expect(events[1]).toMatchObject({ fromComm: 'sh', fromArgs: 'sh -c sleep 1 & exit 0', args: 'sleep 1' });
  });

  it("starts a child from what its parent ran at the fork when the parent exec'd after it, not from the program a later read shows", () => {
    // bash -c './orphan; exec sleep 3': bash (60) forks 102, which execs (not read in time) and exits;
    // then 60 execs sleep. The next table shows 60 as sleep.
    const shell = proc({ pid: 60, ppid: 1, pgid: 60, comm: 'bash', args: 'bash -c ./orphan; exec sleep 3' });
    const prev = snapshot([parent, shell], T);
    const next = snapshot([parent, { ...shell, comm: 'sleep', args: 'sleep 3' }], T + 10);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(
      prev,
      next,
      facts({
        forks: new Map([[102, { parent: 60, at: T + 2, source: 'kernel' }]]),
        execs: new Map([
          [102, { times: [T + 3] }],
          [60, { times: [T + 5] }],
        ]),
        exits: new Map([[102, { at: T + 4, status, parent: 60 }]]),
      }),
    );
    const child = events.filter((e) => e.pid === 102);
    expect(child.map((e) => [e.kind, e.comm])).toEqual([
      ['spawn', 'bash'],
      ['exec', undefined],
      ['exit', undefined],
    ]);
    expect(child[1]).toMatchObject({ fromComm: 'bash', fromArgs: shell.args });
  });

  it('says a child read after an exec whose event had not come as the copy it was, and starts that exec from it at the next step', () => {
    // 102 execs sh (read as its batch came) and forks 103, which execs sleep; the step reads 103 as
    // sleep before its exec event is taken in, and 102 has exited (103 orphaned).
    const prev = snapshot([parent], T);
    const next = snapshot([parent, proc({ pid: 103, ppid: 1, pgid: 102, comm: 'sleep', args: 'sleep 1' })], T + 10);
    const first = explainStep(
      diffSnapshots(prev, next),
      prev,
      next,
      forkDemo({ programs: new Map([[102, { comm: 'sh', args: 'sh -c sleep 1 & exit 0', at: T + 2.5 }]]) }),
      T + 10,
    );
    expect(first.events.filter((e) => e.pid === 103).map((e) => [e.kind, e.comm])).toEqual([
      ['spawn', 'sh'],
      ['reparent', 'sh'],
    ]);
    expect(first.carryForkedAs.get(103)).toMatchObject({ comm: 'sh', args: 'sh -c sleep 1 & exit 0' });
    // The next step has its exec: from sh, to what the table shows.
    const later = snapshot([parent, proc({ pid: 103, ppid: 1, pgid: 102, comm: 'sleep', args: 'sleep 1' })], T + 20);
    const second = explainStep(
      diffSnapshots(next, later),
      next,
      later,
      facts({ execs: new Map([[103, { times: [T + 5] }]]), forkedAs: first.carryForkedAs }),
      T + 20,
    );
    expect(second.events).toEqual([
      { kind: 'exec', at: T + 5, pid: 103, comm: 'sleep', source: 'kernel', fromComm: 'sh', fromArgs: 'sh -c sleep 1 & exit 0', args: 'sleep 1' },
    ]);
  });

  it("says a shell's child read after an exec whose event had not come as the shell's copy, not as what it exec'd", () => {
    // bash (50, in both tables, no exec in the step) forks 104, which execs ./orphan; the read shows
    // it as orphan before its exec event is taken in.
    const prev = snapshot([parent], T);
    const next = snapshot([parent, proc({ pid: 104, ppid: 50, pgid: 104, comm: 'orphan', args: './orphan' })], T + 10);
    const first = explainStep(diffSnapshots(prev, next), prev, next, facts({ forks: new Map([[104, { parent: 50, at: T + 3, source: 'kernel' }]]) }), T + 10);
    expect(first.events.filter((e) => e.pid === 104).map((e) => [e.kind, e.comm])).toEqual([['spawn', 'bash']]);
    expect(first.carryForkedAs.get(104)).toMatchObject({ comm: 'bash', args: 'bash' });
  });

  it("names what a short program exec'd from the read its batch brought, unless it exec'd again after that read", () => {
    const prev = snapshot([parent], T);
    const next = snapshot([parent], T + 10);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const lived = (execTimes: number[]) =>
      explain(
        prev,
        next,
        facts({
          forks: new Map([[102, { parent: 50, at: T + 1, source: 'kernel' }]]),
          execs: new Map([[102, { times: execTimes }]]),
          exits: new Map([[102, { at: T + 6, status, parent: 50 }]]),
          programs: new Map([[102, { comm: 'echo', args: 'echo hi', at: T + 3 }]]),
        }),
      );
    const read = lived([T + 2]);
    expect(read.find((e) => e.kind === 'exec')).toMatchObject({ comm: 'echo', args: 'echo hi', fromComm: 'bash' });
    expect(read.find((e) => e.kind === 'exit')).toMatchObject({ comm: 'echo' });
    // An exec after the read: the program read is not what it ended as.
    const again = lived([T + 2, T + 4]);
    expect(again.filter((e) => e.kind === 'exec').at(-1)).toMatchObject({ comm: undefined, args: undefined });
    expect(again.find((e) => e.kind === 'exit')?.comm).toBeUndefined();
  });

  it("names the first exec of a program procview started by what it exec'd, when no read caught it", () => {
    const node = proc({ pid: 50, ppid: 1, comm: 'node', args: 'node procview run -- sh -c x' });
    const prev = snapshot([node], T);
    const next = snapshot([node], T + 10);
    const started = new Map([[102, { comm: 'sh', args: 'sh -c x' }]]);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const lived = (times: number[]) =>
      explainStep(
        diffSnapshots(prev, next),
        prev,
        next,
        facts({
          forks: new Map([[102, { parent: 50, at: T + 1, source: 'kernel' }]]),
          execs: new Map([[102, { times }]]),
          exits: new Map([[102, { at: T + 5, status, parent: 50 }]]),
        }),
        next.takenAt,
        started,
      ).events;
    expect(lived([T + 2])).toEqual([
      { kind: 'spawn', at: T + 1, pid: 102, comm: 'node', ppid: 50, source: 'kernel' },
      { kind: 'exec', at: T + 2, pid: 102, comm: 'sh', source: 'kernel', fromComm: 'node', fromArgs: node.args, args: 'sh -c x' },
      { kind: 'exit', at: T + 5, pid: 102, comm: 'sh', ppid: 50, status, source: 'kernel' },
    ]);
    // Read once more as a zombie: its name, no command line; the program's own fills the gap.
    const zombieRead = snapshot([node, proc({ pid: 102, ppid: 50, comm: 'sh', args: '', state: 'Z', stat: 'Z' })], T + 10);
    const asZombie = explainStep(
      diffSnapshots(prev, zombieRead),
      prev,
      zombieRead,
      facts({ forks: new Map([[102, { parent: 50, at: T + 1, source: 'kernel' }]]), execs: new Map([[102, { times: [T + 2] }]]) }),
      zombieRead.takenAt,
      started,
    ).events;
    expect(asZombie.find((e) => e.kind === 'exec')).toMatchObject({ comm: 'sh', args: 'sh -c x', fromComm: 'node' });
    // sh -c 'exec sleep 1': the second exec starts from the program; where it led was not read.
    const chain = lived([T + 2, T + 3]);
    expect(chain.filter((e) => e.kind === 'exec')).toEqual([
      { kind: 'exec', at: T + 2, pid: 102, comm: 'sh', source: 'kernel', fromComm: 'node', fromArgs: node.args, args: 'sh -c x' },
      { kind: 'exec', at: T + 3, pid: 102, comm: undefined, source: 'kernel', fromComm: 'sh', fromArgs: 'sh -c x', args: undefined },
    ]);
    expect(chain.find((e) => e.kind === 'exit')).toMatchObject({ kind: 'exit', comm: undefined });
  });

  it('carries a fork whose process is not read yet and whose exit has not come, until the limit', () => {
    const prev = snapshot([parent], T);
    const next = snapshot([parent], T + 10);
    const fork = { parent: 50, at: T + 1, source: 'kernel' as const };
    const early = explainStep([], prev, next, facts({ forks: new Map([[103, fork]]) }), T + 10);
    expect(early.events).toEqual([]);
    expect([...early.carry.keys()]).toEqual([103]);
    // Never explained: reported as started and gone, with no made-up status.
    const late = explainStep([], prev, next, facts({ forks: new Map([[103, fork]]) }), T + 1 + CARRY_LIMIT_MS);
    expect(late.events.map((e) => e.kind)).toEqual(['spawn', 'exit']);
    expect(late.events[1]).not.toHaveProperty('status');
  });

  it('puts the exit status on the zombie, and carries an exit whose process still reads alive', () => {
    const child = proc({ pid: 104, ppid: 50, comm: 'sleep' });
    const prev = snapshot([parent, child], T);
    const status = { code: 3, signal: undefined, coreDumped: false };
    const stillRunning = explainStep([], prev, snapshot([parent, child], T + 5), facts({ exits: new Map([[104, { at: T + 1, status, parent: 50 }]]) }), T + 5);
    expect(stillRunning.events).toEqual([]);
    expect(stillRunning.carryExits.get(104)?.status).toEqual(status);
    const zombie = { ...child, state: 'Z', stat: 'Z', args: '' };
    const next = snapshot([parent, zombie], T + 10);
    const zombieStep = explainStep(diffSnapshots(prev, next), prev, next, facts({ exits: stillRunning.carryExits }), next.takenAt);
    expect(zombieStep.events).toEqual([{ kind: 'zombie', at: T + 1, pid: 104, comm: 'sleep', ppid: 50, status, source: 'kernel' }]);
    // Said on the zombie's line and kept while it is one: its reap line, steps later, says it again.
    const stillZombie = snapshot([parent, zombie], T + 20);
    const waiting = explainStep(diffSnapshots(next, stillZombie), next, stillZombie, facts({ exits: zombieStep.carryExits }), stillZombie.takenAt);
    expect(waiting.events).toEqual([]);
    const reaped = snapshot([parent], T + 30);
    const reap = explain(stillZombie, reaped, facts({ exits: waiting.carryExits }));
    expect(reap).toEqual([{ kind: 'reap', at: T + 30, pid: 104, comm: 'sleep', by: 50, status }]);
  });

  it("says a child's end before its parent's when its report, naming that parent, came after the parent's (the kernel wakes the parent first)", () => {
    const prog = proc({ pid: 60, ppid: 50, comm: 'igrace', args: './igrace' });
    const child = proc({ pid: 61, ppid: 60, comm: 'igrace', args: './igrace' });
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(
      snapshot([parent, prog, child], T),
      snapshot([parent], T + 10),
      facts({
        exits: new Map([
          [60, { at: T + 2, status, parent: 50 }],
          [61, { at: T + 3, status: { ...status, code: 6 }, parent: 60 }],
        ]),
      }),
    );
    const ends = events.filter((event) => event.kind === 'exit').map((event) => [event.pid, event.at]);
    // The child's line first, at its parent's time: it ended while that parent lived.
    expect(ends).toEqual([
      [61, T + 2],
      [60, T + 2],
    ]);
    // A child whose report named another parent (it was adopted first) stays where its time puts it.
    const adopted = explain(
      snapshot([parent, prog, child], T),
      snapshot([parent], T + 10),
      facts({
        exits: new Map([
          [60, { at: T + 2, status, parent: 50 }],
          [61, { at: T + 3, status, parent: 1 }],
        ]),
      }),
    );
    expect(adopted.filter((event) => event.kind === 'exit').map((event) => event.pid)).toEqual([60, 61]);
  });

  it('says a reap nobody read only from what shows it: a read after the exit, and the parent read alive after that, or how the parent treats SIGCHLD', () => {
    // The double fork's middle child: its parent waits for it at once.
    const middle = proc({ pid: 106, ppid: 50, comm: 'dfork', args: './dfork' });
    const prev = snapshot([parent, middle], T);
    const next = snapshot([parent], T + 10);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const exit = { at: T + 2, status, parent: 50 };
    const reapsOf = (more: Partial<Facts>, fact: Partial<typeof exit> & { kernelReapedFor?: number; releasedFor?: number } = {}, after = next) =>
      explain(prev, after, facts({ exits: new Map([[106, { ...exit, ...fact }]]), ...more })).filter((e) => e.kind === 'reap' && e.pid === 106);
    // Read gone after its exit, its parent read alive after it (stream.ts #proveReaps): that parent reaped it.
    expect(reapsOf({ readGone: new Map([[106, 50]]) })).toEqual([
      { kind: 'reap', at: T + 10, pid: 106, comm: 'dfork', by: 50, status, inferred: expect.stringContaining('never read as a zombie') },
    ]);
    // Only missing from a table (a scan may have listed /proc before it was forked): nothing.
    expect(reapsOf({})).toEqual([]);
    // Read gone, its parent read dead after it, that parent's exit not taken in yet: it exited all the
    // same (it was alive at the child's exit, which named it), so the reap is its or its adopter's.
    expect(reapsOf({ readGone: new Map([[106, undefined]]) })).toEqual([expect.objectContaining({ by: undefined, lastParent: 50, at: T + 10 })]);
    // Its parent's exit in the step, after its own: reaped by that parent before it exited, or by its adopter
    // after; said at that parent's exit, the evidence (at its own, it would say it was never a zombie).
    const parentExit = { at: T + 3, status, parent: 1 };
    expect(
      reapsOf({
        readGone: new Map([[106, undefined]]),
        exits: new Map([
          [106, exit],
          [50, parentExit],
        ]),
      }),
    ).toEqual([expect.objectContaining({ by: undefined, lastParent: 50, at: T + 3 })]);
    // That parent's exit long before its own (a leader gone while its threads ran on, still carried): not it.
    expect(
      reapsOf({
        readGone: new Map([[106, undefined]]),
        exits: new Map([
          [106, exit],
          [50, { ...parentExit, at: T - 100 }],
        ]),
      }),
    ).toEqual([]);
    // Released at its exit (stream.ts #markReleases): its parent ignores SIGCHLD, or its exit named no parent.
    expect(reapsOf({}, { parent: undefined, kernelReapedFor: 50 })).toEqual([
      {
        kind: 'reap',
        at: T + 2,
        pid: 106,
        comm: 'dfork',
        by: undefined,
        kernelReapedFor: 50,
        status,
        source: 'kernel',
        inferred: expect.stringContaining('ignores SIGCHLD'),
      },
    ]);
    expect(reapsOf({}, { parent: undefined, releasedFor: 50 })).toEqual([
      {
        kind: 'reap',
        at: T + 2,
        pid: 106,
        comm: 'dfork',
        by: undefined,
        releasedFor: 50,
        status,
        source: 'kernel',
        inferred: expect.stringContaining('SA_NOCLDWAIT'),
      },
    ]);
    // Still in the table: nothing, whatever was learnt.
    expect(reapsOf({ readGone: new Map([[106, 50]]) }, { kernelReapedFor: 50 }, snapshot([parent, middle], T + 10))).toEqual([]);
    // Lived between two reads: the same rules.
    const between = explain(
      snapshot([parent], T),
      next,
      facts({
        forks: new Map([[107, { parent: 50, at: T + 1, source: 'kernel' }]]),
        exits: new Map([[107, { at: T + 2, status, parent: 50 }]]),
        readGone: new Map([[107, 50]]),
      }),
    );
    expect(between.map((e) => `${e.kind} ${e.pid}`)).toEqual(['spawn 107', 'exit 107', 'reap 107']);
    expect(between[2]).toMatchObject({ by: 50, at: T + 10 });
  });

  it('keeps an exit status that came after the zombie was reported for its reap, however late, at the reap time', () => {
    const status = { code: 0, signal: undefined, coreDumped: false };
    const zombie = proc({ pid: 105, ppid: 50, comm: 'sleep', state: 'Z', stat: 'Z', args: '' });
    const prev = snapshot([parent, zombie], T);
    // The zombie's line went out without a status; its exit event is taken in long after (a busy machine).
    const late = explainStep(
      [],
      prev,
      snapshot([parent, zombie], T + 10),
      facts({ exits: new Map([[105, { at: T - 5, status, parent: 50 }]]) }),
      T + 10 + CARRY_LIMIT_MS,
    );
    expect(late.events).toEqual([]);
    expect(late.carryExits.get(105)?.status).toEqual(status);
    const reaped = snapshot([parent], T + 20 + CARRY_LIMIT_MS);
    const events = explain(prev, reaped, facts({ exits: late.carryExits }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'reap', pid: 105, status });
    expect(events[0]?.source).not.toBe('kernel');
    expect(events[0]?.at).toBeGreaterThan(T);
    // Gone without a reap seen: nothing is kept.
    expect(explainStep([], prev, reaped, facts({ exits: late.carryExits }), reaped.takenAt).carryExits.size).toBe(0);
  });

  it('reports an exec that left the command line as it was', () => {
    const prev = snapshot([parent, sh], T);
    const again = { ...sh };
    const events = explain(prev, snapshot([parent, again], T + 10), facts({ execs: new Map([[100, { times: [T + 4] }]]) }));
    expect(events).toEqual([{ kind: 'exec', at: T + 4, pid: 100, comm: 'sh', source: 'kernel', fromComm: 'sh', fromArgs: sh.args, args: sh.args }]);
  });

  it('reports execs whose facts came in after the read that showed their result: from a program not read', () => {
    // sh exec'd sh, then sleep (T - 3 and T - 2); the read at T already showed sleep, and the
    // kernel's batch with those execs was taken in only afterwards.
    const sleeping = { ...sh, comm: 'sleep', args: 'sleep 300' };
    const prev = snapshot([parent, sleeping], T);
    const execs = new Map([[100, { times: [T - 3, T - 2] }]]);
    const unread = { fromComm: undefined, fromArgs: undefined };
    const execsOf = (events: readonly ProcEvent[]) => events.filter((event) => event.kind === 'exec');
    // Alive: the last exec led to what the read showed; sleep is not what they started from.
    expect(execsOf(explain(prev, snapshot([parent, sleeping], T + 10), facts({ execs })))).toEqual([
      { kind: 'exec', at: T - 3, pid: 100, comm: undefined, source: 'kernel', ...unread, args: undefined },
      { kind: 'exec', at: T - 2, pid: 100, comm: 'sleep', source: 'kernel', ...unread, args: 'sleep 300' },
    ]);
    // Taken in after the process ended: a zombie keeps its last name, not its command line.
    const zombie = { ...sleeping, state: 'Z', stat: 'Z', args: '' };
    expect(execsOf(explain(prev, snapshot([parent, zombie], T + 10), facts({ execs })))).toEqual([
      { kind: 'exec', at: T - 3, pid: 100, comm: undefined, source: 'kernel', ...unread, args: undefined },
      { kind: 'exec', at: T - 2, pid: 100, comm: 'sleep', source: 'kernel', ...unread, args: undefined },
    ]);
    // Reaped: neither.
    expect(execsOf(explain(prev, snapshot([parent], T + 10), facts({ execs }))).map((event) => event.kind === 'exec' && event.comm)).toEqual([
      undefined,
      undefined,
    ]);
    // A chain that began before the read and ended after it: what it started from was not read either.
    const across = explain(prev, snapshot([parent, sleeping], T + 10), facts({ execs: new Map([[100, { times: [T - 1, T + 4] }]]) }));
    expect(execsOf(across).map((event) => event.kind === 'exec' && [event.at, event.fromComm, event.comm])).toEqual([
      [T - 1, undefined, undefined],
      [T + 4, undefined, 'sleep'],
    ]);
    // An exec after the read (T + 4) started from the program read.
    expect(execsOf(explain(prev, snapshot([parent, zombie], T + 10), facts({ execs: new Map([[100, { times: [T + 4] }]]) })))).toEqual([
      { kind: 'exec', at: T + 4, pid: 100, comm: 'sleep', source: 'kernel', fromComm: 'sleep', fromArgs: 'sleep 300', args: undefined },
    ]);
    // In the millisecond the previous table was taken (its time is whole ms, the kernel's has
    // fractions): counted as before the read, so what it started from is not named.
    const sameMs = explain(prev, snapshot([parent, sleeping], T + 10), facts({ execs: new Map([[100, { times: [T + 0.5] }]]) }));
    expect(execsOf(sameMs)).toEqual([{ kind: 'exec', at: T + 0.5, pid: 100, comm: 'sleep', source: 'kernel', ...unread, args: 'sleep 300' }]);
    // After the new table was read (a scan takes in batches after its reads): not in it, so left
    // for the next step, which reads the process again.
    const next = snapshot([parent, sleeping], T + 10);
    const later = explainStep(diffSnapshots(prev, next), prev, next, facts({ execs: new Map([[100, { times: [T + 4, T + 12] }]]) }), T + 12);
    expect(later.events.map((event) => event.kind === 'exec' && event.at)).toEqual([T + 4]);
    expect(later.carryExecs.get(100)).toEqual({ times: [T + 12] });
    // The pid now names another process: the facts are not about the one read before.
    const other = { ...sleeping, startTime: (sleeping.startTime ?? 0) + 5000 };
    expect(execsOf(explain(prev, snapshot([parent, other], T + 10), facts({ execs })))).toEqual([]);
  });

  it('reports a rename, not an exec, for a program that retitled itself: a comm change the kernel reported, and no exec', () => {
    // Node's process.title: argv rewritten, then prctl(PR_SET_NAME) (the kernel's PROC_EVENT_COMM).
    const prev = snapshot([parent, sh], T);
    const titled = { ...sh, comm: 'procview lesson', args: 'procview lesson zombie: parent' };
    const next = snapshot([parent, titled], T + 10);
    expect(diffSnapshots(prev, next).map((event) => event.kind)).toEqual(['exec']);
    const renames = new Map([
      [
        100,
        [
          { at: T + 2, comm: 'first' },
          { at: T + 3, comm: 'procview lesson' },
        ],
      ],
    ]);
    expect(explain(prev, next, facts({ comms: new Map([[100, 'procview lesson']]), renames }))).toEqual([
      { kind: 'rename', at: T + 2, pid: 100, comm: 'first', from: 'sh', source: 'kernel' },
      { kind: 'rename', at: T + 3, pid: 100, comm: 'procview lesson', from: 'first', source: 'kernel' },
    ]);
    // An exec the kernel reported as well stays an exec.
    const both = explain(prev, next, facts({ comms: new Map([[100, 'procview lesson']]), execs: new Map([[100, { times: [T + 4] }]]) }));
    expect(both.map((event) => [event.kind, event.source])).toEqual([['exec', 'kernel']]);
  });

  it('a program that names itself right after its exec or fork: the exec and start keep what exec and fork gave, a rename line says the change', () => {
    // exec ./renlive, then prctl(PR_SET_NAME, "fakename"): read once, under the new name.
    const prev = snapshot([parent, sh], T);
    const renamed = { ...sh, comm: 'fakename', args: './renlive' };
    const afterExec = explain(
      prev,
      snapshot([parent, renamed], T + 10),
      facts({ execs: new Map([[100, { times: [T + 2] }]]), comms: new Map([[100, 'fakename']]), renames: new Map([[100, [{ at: T + 3, comm: 'fakename' }]]]) }),
    );
    expect(afterExec).toEqual([
      { kind: 'exec', at: T + 2, pid: 100, source: 'kernel', comm: undefined, fromComm: 'sh', fromArgs: sh.args, args: './renlive' },
      // The name exec gave (after the path it was given) was not read.
      { kind: 'rename', at: T + 3, pid: 100, comm: 'fakename', from: undefined, source: 'kernel' },
    ]);
    // fork, then the child names itself: it started as its parent's copy.
    const child = proc({ pid: 102, ppid: 100, comm: 'renamed-kid', args: sh.args });
    const afterFork = explain(
      prev,
      snapshot([parent, sh, child], T + 10),
      facts({
        forks: new Map([[102, { parent: 100, at: T + 1, source: 'kernel' }]]),
        comms: new Map([[102, 'renamed-kid']]),
        renames: new Map([[102, [{ at: T + 2, comm: 'renamed-kid' }]]]),
      }),
    );
    expect(afterFork).toEqual([
      { kind: 'spawn', at: T + 1, pid: 102, comm: 'sh', ppid: 100, source: 'kernel' },
      { kind: 'rename', at: T + 2, pid: 102, comm: 'renamed-kid', from: 'sh', source: 'kernel' },
    ]);
  });

  it('a program that names itself and ends before a read saw the name: its rename is said, and its exit is under the new name', () => {
    const renfork = proc({ pid: 102, ppid: 100, comm: 'renfork', args: './renfork' });
    const prev = snapshot([parent, sh, renfork], T);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(
      prev,
      snapshot([parent, sh], T + 10),
      facts({
        exits: new Map([[102, { at: T + 3, status, parent: 100 }]]),
        comms: new Map([[102, 'fakename']]),
        renames: new Map([[102, [{ at: T + 2, comm: 'fakename' }]]]),
      }),
    ).filter((event) => event.pid === 102);
    expect(events.map((event) => [event.kind, event.comm])).toEqual([
      ['rename', 'fakename'],
      ['exit', 'fakename'],
    ]);
    expect(events[0]).toMatchObject({ from: 'renfork' });
  });

  it('a rename the read did not show yet is carried to the step whose read shows it: a rename line there, never an exec', () => {
    const worker = proc({ pid: 102, ppid: 100, comm: 'worker', args: 'node worker.js' });
    const first = snapshot([parent, sh, worker], T + 10);
    const book = new FactBook();
    // prctl(PR_SET_NAME) at T+12, after this table was read.
    book.absorb([{ kind: 'comm', at: T + 12, pid: 102, tgid: 102, comm: 'pool-1' }], new Set());
    const one = explainStep(diffSnapshots(first, first), first, first, book.take(), T + 13);
    expect(one.events).toEqual([]);
    book.carry(one.carry, one.carryExits, one.carryExecs, one.carryPrograms, one.carryNames, one.carryForkedAs, one.carryRenames);
    const second = snapshot([parent, sh, { ...worker, comm: 'pool-1' }], T + 20);
    const two = explainStep(diffSnapshots(first, second), first, second, book.take(), T + 21).events;
    expect(two).toEqual([{ kind: 'rename', at: T + 12, pid: 102, comm: 'pool-1', from: 'worker', source: 'kernel' }]);
  });

  it('a change read ahead of its exec report waits for it, and that exec still says what it started from', () => {
    const prev = snapshot([parent, sh], T);
    const execd = { ...sh, comm: 'prog2', args: 'prog2 --x' };
    const next = snapshot([parent, execd], T + 10);
    // The read shows prog2; the exec that led to it is reported only after the read (stream.ts #execsReadAhead).
    const one = explainStep(diffSnapshots(prev, next), prev, next, NO_FACTS, T + 11, new Map(), new Set([100]));
    expect(one.events.filter((event) => event.pid === 100)).toEqual([]);
    const book = new FactBook();
    book.carry(one.carry, one.carryExits, one.carryExecs, one.carryPrograms, one.carryNames, one.carryForkedAs, one.carryRenames);
    book.absorb([{ kind: 'exec', at: T + 9, pid: 100, tgid: 100 }], new Set());
    const two = explainStep(diffSnapshots(next, next), next, next, book.take(), T + 21).events;
    expect(two).toEqual([{ kind: 'exec', at: T + 9, pid: 100, source: 'kernel', comm: 'prog2', fromComm: 'sh', fromArgs: sh.args, args: 'prog2 --x' }]);
  });

  it('a rename undone by a later exec does not name the end: an exec gives a name of its own', () => {
    const launcher = proc({ pid: 102, ppid: 100, comm: 'launcher', args: './launcher' });
    const prev = snapshot([parent, sh, launcher], T);
    const status = { code: 0, signal: undefined, coreDumped: false };
    const events = explain(
      prev,
      snapshot([parent, sh], T + 10),
      facts({
        exits: new Map([[102, { at: T + 5, status, parent: 100 }]]),
        execs: new Map([[102, { times: [T + 3] }]]),
        comms: new Map([[102, 'stage1']]),
        renames: new Map([[102, [{ at: T + 2, comm: 'stage1' }]]]),
      }),
    ).filter((event) => event.pid === 102);
    expect(events.map((event) => event.kind)).toEqual(['rename', 'exec', 'exit']);
    expect(events[0]).toMatchObject({ from: 'launcher', comm: 'stage1' });
    // What the exec named it was not read: the exit is unnamed, not 'stage1'.
    expect(events[2]?.comm).toBeUndefined();
  });

  it('a zombie found gone steps after its parent exited: reaped by that parent or its adopter, said when found', () => {
    // Many zombies are looked at a few a step: this one is found gone after the step with its parent's exit.
    const zombie = proc({ pid: 106, ppid: 50, comm: 'bomb', state: 'Z', stat: 'Z', args: '' });
    const prev = snapshot([proc({ pid: 1, ppid: 0, comm: 'init' }), zombie], T);
    const next = snapshot([proc({ pid: 1, ppid: 0, comm: 'init' })], T + 10);
    const reap = (exitedBefore: ReadonlySet<number>) =>
      explainStep(diffSnapshots(prev, next), prev, next, NO_FACTS, T + 10, new Map(), new Set(), (pid) => exitedBefore.has(pid)).events.filter(
        (e) => e.kind === 'reap',
      );
    expect(reap(new Set([50]))).toEqual([expect.objectContaining({ pid: 106, by: undefined, lastParent: 50, at: T + 10, inferred: expect.any(String) })]);
    // No exit of that parent known: who reaped it is not said.
    expect(reap(new Set())).toEqual([expect.objectContaining({ pid: 106, by: undefined })]);
    expect(reap(new Set())[0]).not.toHaveProperty('lastParent');
  });

  it('without facts, is the diff unchanged', () => {
    const prev = snapshot([parent, sh], T);
    const next = snapshot([parent], T + 10);
    expect(explain(prev, next, NO_FACTS)).toEqual(diffSnapshots(prev, next));
  });
});
