// Exit codes of the command line: 0 success, 1 internal failure, 2 bad input or usage.
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** A mistake in how the command was called (unknown flag, missing argument): exit 2 with the command's usage hint. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
