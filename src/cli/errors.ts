/** A problem with the user's input: printed as one sentence on stderr, exit code 1, no output written. */
export class InputError extends Error {
  override name = "InputError";
}

/** A problem with the command line itself: printed with the usage line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
