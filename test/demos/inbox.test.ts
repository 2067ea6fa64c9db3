// The inbox of a lesson's messages: once the lesson is over, a step still
// listening for one (Lesson.hear) gives up at once, not at its timeout.
import { describe, expect, it } from 'vitest';
import { Inbox } from '../../src/demos/inbox.js';
import { LessonProblem } from '../../src/demos/problem.js';

describe('Inbox', () => {
  it('closed, it ends a step still waiting at once, and refuses new ones', async () => {
    const inbox = new Inbox(new AbortController().signal, () => undefined);
    // A timeout far beyond the test's own: only close() can end this wait in time.
    const waiting = inbox.take('reaped', () => true, 3_600_000);
    inbox.close();
    await expect(waiting).rejects.toBeInstanceOf(LessonProblem);
    await expect(inbox.take('reaped', () => true, 3_600_000)).rejects.toBeInstanceOf(LessonProblem);
  });
});
