// The shape every command module has.
import type { Options, Values } from './args.js';
import type { CliIo } from './io.js';

/** One `slaclock <name>` command: its help, its options, and what it does. */
export interface Command {
  readonly name: string;
  /** One line for the program's help. */
  readonly summary: string;
  readonly help: string;
  readonly options: Options;
  /** Whether it takes positional arguments (file names). */
  readonly positionals?: boolean;
  /**
   * Library paths (as `formatPath` prints them, or their first segment) and the flag
   * the caller wrote for them, so messages name `--at`, not `at`.
   */
  readonly flags?: Readonly<Record<string, string>>;
  run(values: Values, positionals: readonly string[], io: CliIo): Promise<number> | number;
}
