// The common shape of a lesson, so the CLI (--plain) and the dashboard can
// both run it: narration and observations go to a reporter, the processes it
// makes are announced with track() so a viewer can scope to them.

/** Something the demo saw from outside, through the inspection core. */
export interface Observation {
  readonly pid: number;
  readonly ppid: number | undefined;
  readonly stat: string | undefined;
  /** What changed or what this proves, in words. */
  readonly note: string;
}

export interface DemoReporter {
  /** A narration line (plain text; the reporter adds time stamps). */
  say(text: string): void;
  /** An `observed:` line: a fact read back from the process table. */
  observed(fact: Observation): void;
  /** A process the demo made; viewers keep it in scope until it exits. */
  track(pid: number): void;
}

export interface DemoOptions {
  /** How long each interesting state is held, in milliseconds. */
  readonly holdMs: number;
}

export interface DemoResult {
  /** True only when every state the lesson promises was observed. */
  readonly ok: boolean;
  /** When not ok, what was missing. */
  readonly problems: readonly string[];
}

export interface Demo {
  readonly name: string;
  /** One line for `procview demo`. */
  readonly summary: string;
  /** Runs the lesson; must leave no process behind when it returns or when `signal` aborts. */
  run(reporter: DemoReporter, signal: AbortSignal, options: DemoOptions): Promise<DemoResult>;
}
