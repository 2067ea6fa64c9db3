// The errors that end a command, with their exit codes, in the bottom floor so
// every floor (commands, ui, chat) may throw them. Exit codes follow the usual
// CLI convention: 2 = the command line was wrong, 1 = the request was fine but
// failed.

/** Bad flags or values: one-line message + a usage hint, exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A well-formed request that cannot be met (e.g. no such PID): exit 1. */
export class CommandError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CommandError';
    this.exitCode = exitCode;
  }
}
