// The CLI's own failures and its exit codes.

/**
 * Exit codes: 0 ok, 1 usage or bad arguments, 2 invalid input (a bad file, policy,
 * case or value the library rejects), 3 `validate` found problems.
 */
export const EXIT = { ok: 0, usage: 1, invalid: 2, problems: 3 } as const;

/** A bad command line: exit code 1. */
export class UsageError extends Error {}

/** A problem with an input file or value that is not a SlaclockError: exit code 2. Each entry of `lines` is printed on its own line. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly lines: readonly string[] = [],
  ) {
    super(message);
  }
}

const MAX_SHOWN = 60;

/** A value quoted for a message, cut to {@link MAX_SHOWN} characters. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length <= MAX_SHOWN ? JSON.stringify(text) : `${JSON.stringify(`${text.slice(0, MAX_SHOWN)}…`)} (${text.length} characters)`;
}
