// `node dist/bench/kernel-events-probe.js [SECONDS]`: a developer's probe of the kernel
// events source (not a product command; `procview events` is that). Prints every
// event for a few seconds (default 2), then the source's counters; or why the source
// is not available.
import type { KernelEvent } from '../inspect/events/kernel-event.js';
import { NativeKernelEventSource, openKernelEvents } from '../inspect/events/kernel-source.js';
import { sanitizeForDisplay } from '../text/sanitize.js';

function describe(event: KernelEvent): string {
  const time = new Date(event.at).toISOString().slice(11, 23);
  switch (event.kind) {
    case 'fork':
      return `${time} fork   ${event.parentTgid}/${event.parentPid} -> ${event.childTgid}/${event.childPid}`;
    case 'exec':
      return `${time} exec   ${event.tgid}/${event.pid}`;
    case 'exit': {
      const status = event.exitCode & 0x7f ? `signal ${event.exitCode & 0x7f}` : `code ${event.exitCode >> 8}`;
      const core = event.exitCode & 0x80 ? ' (core dumped)' : '';
      return `${time} exit   ${event.tgid}/${event.pid} ${status}${core} parent ${event.parentTgid ?? '?'}`;
    }
    case 'comm':
      return `${time} comm   ${event.tgid}/${event.pid} ${sanitizeForDisplay(event.comm)}`;
    case 'sid':
      return `${time} sid    ${event.tgid}/${event.pid}`;
    case 'uid':
      return `${time} uid    ${event.tgid}/${event.pid} ruid ${event.ruid} euid ${event.euid}`;
    case 'coredump':
      return `${time} core   ${event.tgid}/${event.pid} parent ${event.parentTgid ?? '?'}`;
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? '2');
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('usage: kernel-events-probe.js [SECONDS]');
  const opened = await openKernelEvents();
  if (!opened.ok) {
    process.stdout.write(`kernel events unavailable (${opened.reason}): ${opened.message}\n`);
    process.exitCode = 1;
    return;
  }
  const { source } = opened;
  let batches = 0;
  let lost = 0;
  source.onBatch((batch, batchLost) => {
    batches++;
    lost += batchLost;
    if (batchLost > 0) process.stdout.write(`-- ${batchLost} events lost --\n`);
    process.stdout.write(`${batch.map(describe).join('\n')}${batch.length > 0 ? '\n' : ''}`);
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const stats = source instanceof NativeKernelEventSource ? source.stats() : undefined;
  source.close();
  process.stdout.write(`${batches} batches, ${lost} lost; addon: ${stats ? JSON.stringify({ ...stats, fd: undefined }) : '?'}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
