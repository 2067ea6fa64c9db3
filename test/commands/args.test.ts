// The option parsing every command shares: the same spellings are accepted
// everywhere, and every refusal is one line naming the flag and what is valid.
import { describe, expect, it } from 'vitest';
import { decimalOption, parseCommandArgs, processIdArgument, wholeNumberOption } from '../../src/commands/args.js';
import { UsageError } from '../../src/base/errors.js';

const USAGE = 'Usage: test';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandArgs', () => {
  it('passes a negative value to the option instead of calling it ambiguous', () => {
    const options = { hold: { type: 'string' }, delay: { type: 'string', short: 'd' } } as const;
    expect(parseCommandArgs({ args: ['--hold', '-1', '-d', '-2'], options }, USAGE).values).toEqual({ hold: '-1', delay: '-2' });
  });

  it('still refuses an unknown option in one line', () => {
    expect(refusal(() => parseCommandArgs({ args: ['--nope'], options: {} }, USAGE))).toBe("unknown option '--nope'");
  });
});

describe('number options', () => {
  it('accept plain decimal spellings and use the fallback when absent', () => {
    expect(wholeNumberOption('--port', '9999', { min: 1, max: 65_535 }, USAGE)).toBe(9999);
    expect(wholeNumberOption('--port', undefined, { min: 1, max: 65_535, fallback: 7 }, USAGE)).toBe(7);
    expect(decimalOption('-d', '0.5', { min: 0.1, max: 3600 }, USAGE)).toBe(0.5);
    expect(decimalOption('-d', '.5', { min: 0.1, max: 3600 }, USAGE)).toBe(0.5);
  });

  it('refuse exponents, hex, signs and out-of-range values alike, naming the range', () => {
    for (const text of ['1e3', '0x10', '-1', 'Infinity', '', '0.05']) {
      expect(refusal(() => decimalOption('-d', text, { min: 0.1, max: 3600, unit: 'seconds' }, USAGE))).toBe(
        `-d must be a number of seconds from 0.1 to 3600, not '${text}'`,
      );
    }
    expect(refusal(() => wholeNumberOption('--burst', '1.5', { min: 1, max: 10 }, USAGE))).toBe("--burst must be a whole number from 1 to 10, not '1.5'");
    expect(refusal(() => decimalOption('--rate', '0', { min: 0, minExcluded: true }, USAGE))).toBe("--rate must be a positive number, not '0'");
    expect(refusal(() => decimalOption('--idle', '-5', { min: 0 }, USAGE))).toBe("--idle must be a non-negative number, not '-5'");
    expect(refusal(() => decimalOption('-d', undefined, { min: 0.1 }, USAGE))).toBe('-d needs a value');
  });

  it('take a PID only as a positive whole number that fits a pid_t', () => {
    expect(processIdArgument('4242', USAGE)).toBe(4242);
    for (const text of ['0', '-1', '2147483648', '12a']) {
      expect(refusal(() => processIdArgument(text, USAGE))).toBe(`invalid PID '${text}' (expected a positive whole number)`);
    }
  });
});
