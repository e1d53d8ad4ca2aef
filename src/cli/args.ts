// Shared option parsing: every message names the caller's flag and what it received.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SlaclockError } from '../errors.js';
import { toEpochMs } from '../time/instant.js';
import { shown, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { didYouMean, matchIgnoringCase } from './suggest.js';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** Parses a command's arguments (with `-h/--help`); unknown options and missing values are usage errors. */
export function parseOptions(args: readonly string[], options: Options, allowPositionals: boolean): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'bad arguments';
    const unknown = /Unknown option '(--?[^']*)'/.exec(message);
    if (unknown) {
      const flag = unknown[1] as string;
      throw new UsageError(`unknown option ${shown(flag)}${didYouMean(flag.replace(/^-+/, ''), Object.keys(options)).replace(/"([^"]+)"/, '"--$1"')}`);
    }
    throw new UsageError(message.length > 300 ? `${message.slice(0, 300)}…` : message);
  }
}

/** A string option, or undefined. */
export function text(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A required string option. */
export function requireText(values: Values, name: string, command: string): string {
  const value = text(values, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`${command}: missing --${name} (see: slaclock ${command} --help)`);
  return value;
}

/** An integer option, or undefined. */
export function integer(values: Values, name: string, range?: { min: number; max: number }): number | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  if (!/^[+-]?\d{1,15}$/.test(value.trim())) throw new UsageError(`--${name} must be an integer, got ${shown(value)}`);
  const number = Number(value);
  if (range && (number < range.min || number > range.max)) throw new UsageError(`--${name} must be from ${range.min} to ${range.max}, got ${number}`);
  return number;
}

/** A comma-separated list option, or undefined. */
export function list(values: Values, name: string): string[] | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

/** One of `choices`, matched ignoring case; otherwise a usage error with "did you mean". */
export function choice<T extends string>(values: Values, name: string, choices: readonly T[]): T | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  const match = matchIgnoringCase(value.trim(), choices);
  if (match === undefined) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got ${shown(value)}${didYouMean(value.trim(), choices)}`);
  return match as T;
}

/** An instant option: `now`, or what the library accepts (ISO-8601 with an offset, epoch milliseconds). */
export function instant(values: Values, name: string, io: CliIo): number | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.toLowerCase() === 'now') return (io.now ?? Date.now)();
  try {
    return toEpochMs(/^\d+$/.test(trimmed) ? Number(trimmed) : trimmed, [`--${name}`]);
  } catch (error) {
    if (!(error instanceof SlaclockError)) throw error;
    throw new SlaclockError(error.code, `${error.issues[0]?.message ?? error.message}; or "now"`, [`--${name}`]);
  }
}

/** `key=value`, with true/false and numbers typed. */
export function fact(item: string): [string, string | number | boolean] {
  const index = item.indexOf('=');
  if (index <= 0) throw new UsageError(`--fact must be key=value, got ${shown(item)}`);
  const key = item.slice(0, index);
  const raw = item.slice(index + 1);
  if (raw === 'true') return [key, true];
  if (raw === 'false') return [key, false];
  if (raw.trim() !== '' && Number.isFinite(Number(raw))) return [key, Number(raw)];
  return [key, raw];
}

/** `a=B,c=D` into pairs, for --map and --severity-map. */
export function pairs(value: string, flag: string): [string, string][] {
  return value.split(',').filter((item) => item.trim() !== '').map((item) => {
    const index = item.indexOf('=');
    if (index <= 0 || index === item.length - 1) throw new UsageError(`--${flag} takes name=value pairs separated by commas, got ${shown(item)}`);
    return [item.slice(0, index).trim(), item.slice(index + 1).trim()];
  });
}
