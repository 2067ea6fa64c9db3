// `procview demo [NAME] [--plain] [--hold SECONDS]`: list the lessons, or run
// one — in the dashboard when stdout is a terminal, else as plain text.
import { constants } from 'node:os';
import { findDemo, DEMOS } from '../demos/registry.js';
import { createPlainReporter } from '../demos/plain.js';
import type { Demo } from '../demos/types.js';
import { awaitStopSignal } from '../process/stop-signals.js';
import { launchDashboard } from '../ui/launch.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, decimalOption, parseCommandArgs } from './args.js';
import { UsageError } from '../base/errors.js';
import { messageIn, t } from '../text/i18n/message.js';
import { cannotDraw } from './terminal-check.js';
import { startDemoRecording } from './demo-record.js';

const DEFAULT_HOLD_SECONDS = 3;
const MIN_HOLD_SECONDS = 0.1;
const MAX_HOLD_SECONDS = 3600;

export const DEMO_USAGE = messageIn('en', 'demo.help.usage', { hold: DEFAULT_HOLD_SECONDS, min: MIN_HOLD_SECONDS, max: MAX_HOLD_SECONDS });

/** The one usage line printed after a usage error. */
const DEMO_SYNOPSIS = 'Usage: procview demo [NAME] [--plain] [--hold SECONDS] [--record FILE]   (procview demo --help for more)';

/** The signals that interrupt a lesson; the lesson still cleans up before procview exits. */
const INTERRUPTS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function listing(): string {
  const width = Math.max(...DEMOS.map((demo) => demo.name.length));
  return DEMOS.map((demo) => `  ${demo.name.padEnd(width)}  ${demo.summary}`).join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: [...argv],
      options: { ...COMMON_OPTIONS, plain: { type: 'boolean' }, hold: { type: 'string' }, record: { type: 'string' } },
      allowPositionals: true,
    },
    DEMO_SYNOPSIS,
  );
  if (
    answeredHelpOrVersion(
      values,
      `${t('demo.help.title')}\n\n${t('demo.help.usage', { hold: DEFAULT_HOLD_SECONDS, min: MIN_HOLD_SECONDS, max: MAX_HOLD_SECONDS })}\n\n${t('demo.help.lessons')}\n${listing()}`,
    )
  )
    return 0;
  if (positionals.length > 1) throw new UsageError(t('demo.error.oneAtATime'), DEMO_SYNOPSIS);
  const holdSeconds = decimalOption(
    '--hold',
    values.hold,
    { min: MIN_HOLD_SECONDS, max: MAX_HOLD_SECONDS, fallback: DEFAULT_HOLD_SECONDS, unit: 'seconds' },
    DEMO_SYNOPSIS,
  );
  const holdMs = Math.round(holdSeconds * 1000);
  const [name] = positionals;
  if (name === undefined) {
    process.stdout.write(`${listing()}\n`);
    return 0;
  }
  const demo = findDemo(name);
  if (demo === undefined) {
    throw new UsageError(t('demo.error.unknown', { name, lessons: DEMOS.map((d) => d.name).join(', ') }), DEMO_SYNOPSIS);
  }

  if (values.plain !== true) {
    const why = cannotDraw(process.stdout, process.env);
    if (why === undefined) {
      try {
        return await launchDashboard({ scope: { kind: 'demo', demo, holdMs }, ...(values.record === undefined ? {} : { record: values.record }) });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        process.stderr.write(`procview: ${t('demo.noDashboard', { why })}\n`);
      }
    } else {
      process.stderr.write(`procview: ${t('demo.cannotDraw', { why })}\n`);
    }
  }
  return runPlain(demo, holdMs, values.record);
}

async function runPlain(demo: Demo, holdMs: number, record: string | undefined): Promise<number> {
  const recording = record === undefined ? undefined : await startDemoRecording(demo, record);
  const controller = new AbortController();
  // A second Ctrl-C changes nothing: cleanup is already bounded to a few seconds.
  const interrupt = awaitStopSignal(INTERRUPTS);
  void interrupt.received.then((signal) => controller.abort(new Error(`interrupted by ${signal}`)));

  const plain = createPlainReporter((line) => process.stdout.write(line));
  const reporter = recording === undefined ? plain : recording.wrap(plain);
  reporter.say(t('demo.header', { name: demo.name, summary: demo.summary, seconds: holdMs / 1000, pid: process.pid }));
  try {
    const result = await demo.run(reporter, controller.signal, { holdMs });
    if (result.ok) reporter.say(t('demo.result.observed'));
    else {
      reporter.say(t('demo.result.notObserved', { problems: result.problems.join('; ') }));
      for (const problem of result.problems) process.stderr.write(`procview: demo ${demo.name}: ${problem}\n`);
    }
    // close() writes the last frame: a write error there fails the command too.
    await recording?.close();
    if (interrupt.caught !== undefined) return 128 + (constants.signals[interrupt.caught] ?? 0);
    // A recording asked for and cut short by a write error (said on stderr when it happened) fails the command.
    return result.ok && recording?.failure === undefined ? 0 : 1;
  } finally {
    interrupt.dispose();
    // Closed above, unless the lesson threw; closing again does nothing.
    await recording?.close();
  }
}
