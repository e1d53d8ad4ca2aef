// The dispatcher: argv to a command, errors to one-line messages and exit codes.
import { readFileSync } from 'node:fs';
import { formatPath, SlaclockError } from '../errors.js';
import { parseOptions } from './args.js';
import type { Command } from './command.js';
import { compareCommand } from './commands/compare.js';
import { deadlineCommand } from './commands/deadline.js';
import { policiesCommand } from './commands/policies.js';
import { regionsCommand } from './commands/regions.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, InputError, shown, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { didYouMean } from './suggest.js';

export { EXIT } from './errors.js';
export type { CliIo } from './io.js';

/** The commands, by name (a Map: `constructor` or `__proto__` is never a command). */
const COMMANDS: ReadonlyMap<string, Command> = new Map([deadlineCommand, compareCommand, policiesCommand, validateCommand, regionsCommand].map((command) => [command.name, command]));

/** No line the CLI prints about an error is longer than this (a 50 MB field stays out of the terminal). */
const MAX_LINE = 400;

function programHelp(): string {
  const width = Math.max(...[...COMMANDS.keys()].map((name) => name.length));
  return `slaclock: SLA deadlines and support entitlement from vendor policies

Usage: slaclock <command> [options]

Commands:
${[...COMMANDS.values()].map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help     show help (also: slaclock <command> --help, slaclock help <command>)
  --version      print the version

Exit codes: 0 ok, 1 usage or bad arguments, 2 invalid input (file, policy, case or value),
3 validate found problems.
`;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function commandNamed(name: string): Command {
  const command = COMMANDS.get(name);
  if (command !== undefined) return command;
  const names = [...COMMANDS.keys()];
  throw new UsageError(
    name.startsWith('-')
      ? `unknown option ${shown(name)} before a command; commands: ${names.join(', ')} (see: slaclock --help)`
      : `unknown command ${shown(name)}${didYouMean(name, names)}; commands: ${names.join(', ')} (see: slaclock --help)`,
  );
}

/** One line: whitespace runs collapsed, cut to {@link MAX_LINE} characters. */
function clip(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length} characters)` : line;
}

/** Where an issue is, in the caller's words: the flag (`--at`) for a request field. */
function whereOf(path: readonly (string | number)[], flags: Readonly<Record<string, string>> | undefined): string {
  // A case file's errors start with the row index and name the row themselves ("Row 3: severity ...").
  if (path.length === 0 || typeof path[0] === 'number') return '';
  const written = formatPath(path);
  // An item of a list flag (account.plans[0] from --holds) is where the flag is.
  let end = path.length;
  while (end > 1 && typeof path[end - 1] === 'number') end--;
  const flag = flags?.[written] ?? flags?.[formatPath(path.slice(0, end))] ?? (typeof path[0] === 'string' && path.length <= 2 ? flags?.[path[0]] : undefined);
  return flag ?? written;
}

/** The lines of a library error: one per issue, each naming where it is. */
function errorLines(error: SlaclockError, command: Command | undefined): string[] {
  return error.issues.map((issue) => {
    const where = whereOf(issue.path, command?.flags);
    return `${issue.message}${where === '' ? '' : ` (at ${where})`}`;
  });
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves to the exit
 * code; writes only through `io`, never exits the process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command | undefined;
  const fail = (lines: readonly string[], code: number): number => {
    io.err(lines.map((line, index) => `${index === 0 ? 'slaclock: ' : '  '}${clip(line)}\n`).join(''));
    return code;
  };
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.err(programHelp());
      return EXIT.usage;
    }
    if (first === '--help' || first === '-h') {
      io.out(programHelp());
      return EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.out(`${readVersion()}\n`);
      return EXIT.ok;
    }
    if (first === 'help') {
      io.out(rest[0] === undefined ? programHelp() : commandNamed(rest[0]).help);
      return EXIT.ok;
    }
    command = commandNamed(first);
    const { values, positionals } = parseOptions(rest, command.options, command.positionals === true);
    if (values.help) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(values, positionals, io);
  } catch (error) {
    if (error instanceof UsageError) return fail([error.message], EXIT.usage);
    if (error instanceof InputError) return fail([error.message, ...error.lines], EXIT.invalid);
    if (error instanceof SlaclockError) {
      const lines = errorLines(error, command);
      return fail(lines.length > 1 ? [`${lines.length} problems:`, ...lines] : lines, EXIT.invalid);
    }
    return fail([`internal error: ${error instanceof Error ? error.message : 'unknown'} (please report it)`], EXIT.usage);
  }
}
