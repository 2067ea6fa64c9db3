// Messages from a lesson's processes, kept in arrival order until a lesson
// step asks for one. A step waits for "the next 'reaped' from the parent",
// whether it came before the step asked or comes later.
import { LessonProblem } from './problem.js';
import { parseMessage, type ChildMessage } from './messages.js';
import { t } from '../text/i18n/message.js';

const DEFAULT_TIMEOUT_MS = 15_000;

interface Waiter {
  readonly match: (message: ChildMessage) => boolean;
  readonly resolve: (message: ChildMessage) => void;
  readonly reject: (reason: unknown) => void;
}

export class Inbox {
  private readonly unread: ChildMessage[] = [];
  private readonly waiters: Waiter[] = [];
  private closed = false;

  constructor(
    private readonly signal: AbortSignal,
    /** Sees every message first (the lab tracks senders and named children from it). */
    private readonly onArrival: (message: ChildMessage) => void,
  ) {}

  /** One line from a lesson process's stdout; anything that is not one of our messages is ignored. */
  receive(line: string): void {
    const message = parseMessage(line);
    if (message === undefined) return;
    this.onArrival(message);
    const waiter = this.waiters.find((candidate) => candidate.match(message));
    if (waiter === undefined) this.unread.push(message);
    else waiter.resolve(message);
  }

  /** The first unread message of this kind (or one of these kinds) matching `where`, waiting for it if need be. */
  take(kind: string | readonly string[], where: (message: ChildMessage) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ChildMessage> {
    const kinds: readonly string[] = typeof kind === 'string' ? [kind] : kind;
    const match = (message: ChildMessage): boolean => kinds.includes(message.kind) && where(message);
    const index = this.unread.findIndex(match);
    const [found] = index >= 0 ? this.unread.splice(index, 1) : [];
    if (found !== undefined) return Promise.resolve(found);
    if (this.closed) return Promise.reject(new LessonProblem(t('demo.check.over')));
    return new Promise((resolve, reject) => {
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', onAbort);
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        settle();
      };
      const waiter: Waiter = { match, resolve: (message) => finish(() => resolve(message)), reject: (reason) => finish(() => reject(reason)) };
      const onAbort = (): void => finish(() => reject(this.signal.reason));
      const timer = setTimeout(() => {
        finish(() => reject(new LessonProblem(t('demo.check.noMessage', { kinds: kinds.join("' or '"), seconds: timeoutMs / 1000 }))));
      }, timeoutMs);
      if (this.signal.aborted) {
        onAbort();
        return;
      }
      this.signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /**
   * The lesson is over: a step still waiting (one that listened alongside the
   * lesson's looks, Lesson.hear) gives up now rather than at its timeout.
   */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.reject(new LessonProblem(t('demo.check.over')));
  }
}
