// `procview demo NAME --plain --record FILE`: the recording beside a lesson.
// The zombie lesson runs here with its real processes (built, as
// test/demos/observation.test.ts runs one) and the recording on kernel
// events, which report exits but never reaps: a reap is seen only by reading
// the table. The recording's own scans are made rarer than the lesson is long,
// so a reap in the file can come only from a scan the lesson's looks ask for.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoRecording } from '../../dist/commands/demo-record.js';
import { zombieDemo } from '../../dist/demos/zombie.js';
import type { Observation } from '../../dist/demos/types.js';
import { openKernelEvents } from '../../src/inspect/events/kernel-source.js';
import type { ProcEvent } from '../../src/inspect/types.js';
import { openRecording } from '../../src/record/reader.js';
import { waitFor } from '../helpers/processes.js';

const kernel = await openKernelEvents();
if (kernel.ok) kernel.source.close();
else console.warn(`kernel event source not available here (${kernel.message}): the lesson recording test is skipped`);

/** Longer than the lesson: the stream's own interval never comes round. */
const NEVER_MS = 3_600_000;

const dir = mkdtempSync(join(tmpdir(), 'procview-demo-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The events of `pid` in the file so far (it is written frame by frame; one still being written reads as cut off). */
async function eventsOf(file: string, pid: number | undefined): Promise<ProcEvent[]> {
  const events: ProcEvent[] = [];
  for (const entry of (await openRecording(file)).entries()) if (entry.type === 'frame') events.push(...entry.events.filter((event) => event.pid === pid));
  return events;
}

describe.skipIf(!kernel.ok)('a lesson recorded', () => {
  it('holds the reap the lesson saw before the recording closes, and its parent ended', async () => {
    const file = join(dir, 'zombie.pvrec');
    const before = process.env.PROCVIEW_EVENTS;
    process.env.PROCVIEW_EVENTS = 'kernel';
    const facts: Observation[] = [];
    let ok = false;
    let childEvents: ProcEvent[] = [];
    try {
      const recording = await startDemoRecording(zombieDemo, file, NEVER_MS);
      const reporter = recording.wrap({ say: () => undefined, observed: (fact) => facts.push(fact), track: () => undefined });
      try {
        ok = (await zombieDemo.run(reporter, new AbortController().signal, { holdMs: 200 })).ok;
        const zombie = facts.find((fact) => fact.stat?.startsWith('Z') === true);
        // The lesson said it saw the zombie go: the file has it too, without waiting for an interval.
        childEvents = await waitFor(
          async () => {
            const events = await eventsOf(file, zombie?.pid);
            return events.some((event) => event.kind === 'reap') ? events : undefined;
          },
          { timeoutMs: 5_000, what: 'the reap in the file before it closes' },
        ).catch(async () => eventsOf(file, zombie?.pid));
      } finally {
        await recording.close();
      }
    } finally {
      if (before === undefined) delete process.env.PROCVIEW_EVENTS;
      else process.env.PROCVIEW_EVENTS = before;
    }
    expect(ok, JSON.stringify(facts)).toBe(true);
    const zombie = facts.find((fact) => fact.stat?.startsWith('Z') === true);
    expect(zombie, JSON.stringify(facts)).toBeDefined();
    expect(
      childEvents.map((event) => event.kind === 'reap' && event.by),
      JSON.stringify(childEvents),
    ).toContain(zombie?.ppid);
    // The parent ends last, reaped by procview at once: read as a zombie then gone (reap), or already
    // gone when the kernel's exit made the stream read it (exit). Never left a zombie in the file.
    const parent = await eventsOf(file, zombie?.ppid);
    expect(['reap', 'exit'], JSON.stringify(parent)).toContain(parent.at(-1)?.kind);
    // The lesson began once the recording held a table: its first words come after the first frame.
    const [first] = (await openRecording(file)).entries();
    expect(first?.type).toBe('frame');
  });
});
