/** Something a lesson needed did not happen (a message, a state); the lesson is then not "observed". */
export class LessonProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonProblem';
  }
}
