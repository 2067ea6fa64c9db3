/** Something a lesson needed did not happen (a message, a state); the lesson is then not "observed". */
export class LessonProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonProblem';
  }
}

/** The `code` of a Node system error (ENOENT, EAGAIN, ...), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
