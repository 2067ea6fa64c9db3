// The library's signal and renice: the same identity check as the dashboard's,
// with failures thrown as ProcessControlError carrying a code. Real processes.
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readStartTime } from '../../src/inspect/inspector.js';
import { ProcessControlError, renice, sendSignal, type ProcessControlErrorCode } from '../../src/inspect/process-control.js';
import { setLanguage } from '../../src/text/i18n/lang.js';
import { isAlive, spawnGroup, waitFor } from '../helpers/processes.js';
import { pidOf, procStat } from '../e2e/helpers/procs.js';

async function sleeper(): Promise<{ pid: number; startTime: number }> {
  const pid = pidOf(spawnGroup('sleep', ['300']));
  const startTime = await waitFor(() => readStartTime(pid), { what: `the start time of ${pid}` });
  return { pid, startTime };
}

/** The code and message of the ProcessControlError `act` throws; the test fails if it resolves or throws anything else. */
async function refusalOf(act: Promise<unknown>): Promise<{ code: ProcessControlErrorCode; message: string }> {
  const error: unknown = await act.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProcessControlError);
  return { code: (error as ProcessControlError).code, message: (error as ProcessControlError).message };
}

async function codeOf(act: Promise<unknown>): Promise<ProcessControlErrorCode> {
  return (await refusalOf(act)).code;
}

describe('sendSignal(pid, startTime, signal)', () => {
  it('stops, continues and terminates the process that started at startTime', async () => {
    const { pid, startTime } = await sleeper();
    await sendSignal(pid, startTime, 'SIGSTOP');
    await waitFor(() => procStat(pid)?.state === 'T', { what: 'T' });
    await sendSignal(pid, startTime, 'SIGCONT');
    await waitFor(() => procStat(pid)?.state === 'S', { what: 'S again' });
    await sendSignal(pid, startTime);
    await waitFor(() => procStat(pid)?.state !== 'S', { what: 'the sleeper to end on SIGTERM' });
  });

  it('throws changed for a stale start time and sends nothing', async () => {
    const { pid, startTime } = await sleeper();
    expect(await codeOf(sendSignal(pid, startTime - 10_000, 'SIGKILL'))).toBe('changed');
    expect(isAlive(pid)).toBe(true);
  });

  it('throws gone once the process has exited and been reaped', async () => {
    const { pid, startTime } = await sleeper();
    process.kill(pid, 'SIGKILL');
    await waitFor(() => procStat(pid) === undefined, { what: 'the sleeper to be reaped' });
    // A new process may take the pid meanwhile: then it is "changed", never signalled.
    const code = await codeOf(sendSignal(pid, startTime, 'SIGTERM'));
    expect(['gone', 'changed']).toContain(code);
  });

  it('refuses PID 1, non-pids and unknown signals', async () => {
    const init = await readStartTime(1);
    expect(init).toBeDefined();
    expect(await codeOf(sendSignal(1, (init ?? 0) - 10_000, 'SIGKILL'))).toBe('refused');
    expect(await codeOf(sendSignal(0, 0, 'SIGTERM'))).toBe('refused');
    const { pid, startTime } = await sleeper();
    expect(await codeOf(sendSignal(pid, startTime, 'SIGNOPE' as NodeJS.Signals))).toBe('refused');
    expect(isAlive(pid)).toBe(true);
  });
});

describe('refusals in the chosen language, the code kept', () => {
  it('says an unknown signal and a nice value out of range in Chinese or English', async ({ onTestFinished }) => {
    onTestFinished(() => setLanguage(undefined));
    const { pid, startTime } = await sleeper();
    setLanguage('zh');
    expect(await refusalOf(sendSignal(pid, startTime, 'SIGNOPE' as NodeJS.Signals))).toEqual({
      code: 'refused',
      message: '已拒绝：这里没有名为 SIGNOPE 的信号',
    });
    expect(await refusalOf(renice(pid, startTime, 20))).toEqual({ code: 'refused', message: '已拒绝：nice 值 20 不是 -20 到 19 之间的整数' });
    setLanguage('en');
    expect(await refusalOf(renice(pid, startTime, 1.5))).toEqual({ code: 'refused', message: 'refused: nice 1.5 is not a whole number from -20 to 19' });
    expect(isAlive(pid)).toBe(true);
    expect(getPriority(pid)).toBe(0);
  });
});

describe('renice(pid, startTime, nice)', () => {
  it('sets the nice value and says what it was', async () => {
    const { pid, startTime } = await sleeper();
    expect(await renice(pid, startTime, 7)).toEqual({ from: 0, to: 7 });
    expect(getPriority(pid)).toBe(7);
    expect(await codeOf(renice(pid, startTime, 20))).toBe('refused');
    expect(await codeOf(renice(pid, startTime - 10_000, 3))).toBe('changed');
    expect(getPriority(pid)).toBe(7);
  });
});
