// The chat server's garbage-collector settings. A delivery leaves ~400 bytes
// of short-lived garbage in node:dgram's send (argument list, request object,
// lookup callback), so the young generation fills every few thousand
// deliveries and each fill is a scavenge that stops the room.
import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags the server process sets on itself before it starts the room, and why:
 *
 * --semi-space-growth-factor=16: V8 starts the young generation at 1 MiB per
 * semi-space and only doubles it when enough survives. The room's garbage
 * barely survives, so under bench:chat it stayed at 1–2 MiB: a scavenge every
 * ~5,000 deliveries. With 16 the first growth goes to the largest size this
 * heap allows (new space 32 MiB instead of 2–4 MiB in v8.getHeapSpaceStatistics
 * on Node 20): 9–15 scavenges per bench:chat instead of 45–66. V8
 * reads this flag each time new space grows, so setting it at run time takes
 * effect (--max-semi-space-size and --min-semi-space-size do not: the heap
 * reads them once, when it is created, and the server cannot re-exec itself
 * with them without an extra process).
 *
 * --no-parallel-scavenge: a scavenge of the room's few survivors is short work,
 * but done in parallel it waits for helper threads, and on a machine whose
 * cores are busy with the load (the 2-core bench) that wait was most of the
 * pause. Read by V8 at each scavenge.
 *
 * Process-wide: called only by `procview chat server`, never by code that
 * shares a process with anything else.
 */
export const CHAT_SERVER_V8_FLAGS = ['--semi-space-growth-factor=16', '--no-parallel-scavenge'] as const;

export function tuneYoungGeneration(): void {
  for (const flag of CHAT_SERVER_V8_FLAGS) setFlagsFromString(flag);
}
