/**
 * The version of the tz database behind this runtime's `Intl` (Node's `process.versions.tz`,
 * e.g. `"2025c"`), or `null` where the runtime does not expose one (browsers, edge runtimes).
 * Read once, through `globalThis`, so code for any runtime can load this module.
 *
 * @example
 * ```ts
 * TZDB_VERSION; // '2025c' on Node 20 with that ICU, null in a browser
 * ```
 */
export const TZDB_VERSION: string | null = readTzdbVersion();

function readTzdbVersion(): string | null {
  const runtime = (globalThis as { process?: { versions?: { tz?: unknown } } }).process;
  const tz = typeof runtime === 'object' && runtime !== null ? runtime.versions?.tz : undefined;
  return typeof tz === 'string' && tz.length > 0 ? tz : null;
}
