// What a command reads from and writes to: the process, or memory in tests.

/** Where the CLI writes, and the little it reads from its environment. */
export interface CliIo {
  /** Standard output. */
  out(text: string): void;
  /** Standard error. */
  err(text: string): void;
  /** Whether standard error is a terminal (a progress bar is drawn only then). @default false */
  readonly errIsTTY?: boolean;
  /** The clock for `--at now`. @default Date.now */
  readonly now?: () => number;
}

/** The process's streams. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTTY: process.stderr.isTTY === true && process.env.CI === undefined,
    now: () => Date.now(),
  };
}
