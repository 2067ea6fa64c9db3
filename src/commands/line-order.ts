// procview run --plain and replay print a program's output and the events of
// its processes as one stamped stream. An output line is at hand the moment
// it is written; the events of that moment come only with the frame that
// reads them (the kernel's batch, then a step). Printed as they came,
// `stdout: I am the child` stood above the line saying the child started.
// Output is held until a frame has read up to its time, then goes out among
// that frame's events in time order.
import type { TimedLine } from './event-lines.js';

export class LineOrder {
  #held: TimedLine[] = [];

  hold(line: TimedLine): void {
    this.#held.push(line);
  }

  get holding(): boolean {
    return this.#held.length > 0;
  }

  /**
   * A frame's event lines (in the order they were established, kept) with the
   * held lines stamped up to `readUpTo` (the frame's read) put among them: each
   * before the first event of a later millisecond, after those of its own. A
   * line is stamped with Date.now(), whole ms; an event with the kernel's time,
   * to the fraction: a parent's `waitpid -> 8350` received 0.6 ms after that
   * child's exit, in the same ms, had gone above the exit line.
   */
  withFrame(events: readonly TimedLine[], readUpTo: number): TimedLine[] {
    // A frame can hold events timed after its read (an exit status or a carried fork taken in as it
    // waited): a line stamped before such an event goes before it, not with the next frame after it.
    let upTo = readUpTo;
    for (const event of events) if (event.at > upTo) upTo = event.at;
    const due: TimedLine[] = [];
    const later: TimedLine[] = [];
    for (const line of this.#held) (line.at <= upTo ? due : later).push(line);
    this.#held = later;
    if (due.length === 0) return [...events];
    const out: TimedLine[] = [];
    let next = 0;
    for (const event of events) {
      for (let line = due[next]; line !== undefined && (line.at < Math.floor(event.at) || (line.first === true && line.at <= event.at)); line = due[++next]) {
        out.push(line);
      }
      out.push(event);
    }
    return out.concat(due.slice(next));
  }

  /** Everything held, oldest first: no frame came for it in time, or the run ends. */
  release(): TimedLine[] {
    const held = this.#held;
    this.#held = [];
    return held;
  }
}
