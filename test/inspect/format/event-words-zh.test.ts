// Event sentences in Chinese (`--lang zh`): every kind has its sentence, an
// inferred orphan's evidence is said in Chinese while the event's own
// `inferred` field (what --json prints) stays English.
import { afterEach, describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/inspect/diff.js';
import { inferOrphans } from '../../../src/inspect/events/infer.js';
import { eventSentence } from '../../../src/inspect/format/event-words.js';
import { eventToJson } from '../../../src/inspect/format/event-json.js';
import type { ProcEvent } from '../../../src/inspect/types.js';
import { setLanguage } from '../../../src/text/i18n/lang.js';
import { proc, snapshot } from '../diff-builders.js';

const T = 1_700_000_100_000;
const names = new Map([
  [10, 'bash'],
  [1, 'systemd'],
]);
const nameOf = (pid: number): string | undefined => names.get(pid);

afterEach(() => setLanguage(undefined));

describe('event sentences in Chinese', () => {
  it('says every kind of event in Chinese, names and numbers as they are', () => {
    setLanguage('zh');
    const base = { at: T, pid: 42, comm: 'sleep' };
    const events: [ProcEvent, string][] = [
      [{ ...base, kind: 'spawn', ppid: 10 }, '42 (sleep) 启动，是 10 (bash) 的子进程'],
      [{ ...base, kind: 'exit', ppid: 10, status: { code: 3, signal: undefined, coreDumped: false } }, '42 (sleep) 退出，状态 3（父进程 10 (bash)）'],
      [{ ...base, kind: 'zombie', ppid: 10 }, '42 (sleep) 成为僵尸进程：父进程 10 (bash) 还没有回收它'],
      [{ ...base, kind: 'reap', by: 10 }, '42 (sleep) 被 10 (bash) 回收'],
      [
        { ...base, kind: 'reap', by: undefined, kernelReapedFor: 10, inferred: 'its exit report named no parent' },
        '42 (sleep) 退出时即由内核回收，从未成为僵尸进程：它的父进程 10 (bash) 忽略了 SIGCHLD（推断：/proc/10/status 的 SigIgn（被忽略的信号）中有 SIGCHLD）',
      ],
      [
        { ...base, kind: 'reap', by: undefined, releasedFor: 10, inferred: 'its exit report named no parent' },
        '42 (sleep) 一退出就被回收，从未读到它处于僵尸状态（推断：它的退出报告中没有写明父进程，说明它当时已被释放；它的父进程 10 (bash) 没有忽略 SIGCHLD，所以要么是它恰在此时用 wait() 回收了这个子进程，要么它设置了 SA_NOCLDWAIT，由内核回收）',
      ],
      [
        { ...base, kind: 'reap', by: 10, inferred: 'gone by the first read after its exit, never read as a zombie, while its parent lived' },
        '42 (sleep) 被父进程 10 (bash) 回收（推断：退出后第一次读取时它已不在，从未读到它处于僵尸状态，而该父进程仍在运行）',
      ],
      [
        { ...base, kind: 'reap', by: undefined, lastParent: 10, inferred: 'found gone as its parent 10 exited' },
        '42 (sleep) 被父进程 10 (bash) 回收（若该父进程先退出，则由收养者回收；推断：父进程退出后发现它已消失）',
      ],
      [
        { ...base, kind: 'reparent', from: 10, to: 1, orphaned: true, adopter: 'init' },
        '42 (sleep) 成为孤儿进程：父进程 10 (bash) 已退出，由 1 (systemd) 收养',
      ],
      [
        { ...base, kind: 'reparent', from: 10, to: 77, orphaned: true, adopter: 'subreaper' },
        '42 (sleep) 成为孤儿进程：父进程 10 (bash) 已退出，由 77 (一个 subreaper) 收养',
      ],
      [{ ...base, kind: 'stop' }, '42 (sleep) 停止（T）：SIGCONT 让它继续'],
      [{ ...base, kind: 'continue' }, '42 (sleep) 继续运行'],
      [{ ...base, kind: 'renice', from: 0, to: 5 }, '42 (sleep) 的 nice 值改变：0 → 5'],
      [{ ...base, kind: 'rename', comm: 'worker', from: 'sleep' }, '42 改名：sleep → worker（只改了名字，并未 exec；通过 prctl 或 /proc/PID/comm）'],
      [
        { ...base, kind: 'exec', comm: 'orphdemo', nameFrom: 43, fromComm: 'bash', fromArgs: 'bash', args: undefined },
        '42 exec：bash → orphdemo（它的子进程 43 fork 时带着的名字：fork 会复制父进程的名字）',
      ],
      [
        { ...base, kind: 'exit', ppid: 10, status: { code: undefined, signal: 'SIGSEGV', coreDumped: true } },
        '42 (sleep) 被 SIGSEGV 杀死，并转储了 core（父进程 10 (bash)）',
      ],
    ];
    for (const [event, sentence] of events) expect(eventSentence(event, nameOf)).toBe(sentence);
  });

  it('gives an inferred orphan Chinese evidence, and keeps the JSON English', () => {
    setLanguage('zh');
    const leader = proc({ pid: 6654, ppid: 50, pgid: 6654, comm: 'sh' });
    const prev = snapshot([leader], T);
    const next = snapshot([proc({ pid: 6655, ppid: 1, pgid: 6654, comm: 'sleep' })], T + 1000);
    const event = inferOrphans(diffSnapshots(prev, next), prev, next).find((e) => e.kind === 'reparent');
    if (event === undefined) throw new Error('no inferred reparent');
    expect(eventSentence(event, nameOf)).toBe(
      '6655 (sleep) 第一次看到时已被 1 号进程收养；它的进程组 6654 已经没有组长（之前看到过 6654 (sh)）：很可能在 procview 查看之前就已成为孤儿进程（推断）',
    );
    expect(eventToJson(event).inferred).toBe(
      'first seen already adopted by 1; its process group 6654 has no leader any more (6654 (sh) was seen before): probably orphaned before procview looked',
    );
    expect(JSON.stringify(eventToJson(event))).not.toMatch(/\p{Script=Han}/u);
  });
});
