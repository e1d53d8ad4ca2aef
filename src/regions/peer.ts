// Internal: date-holidays is an optional peer dependency of slaclock/regions and
// slaclock/compare. What a missing copy looks like, shared by the ESM and CJS loaders.
import type DateHolidays from 'date-holidays';
import { SlaclockError } from '../errors.js';

/** The `Holidays` class of date-holidays. */
export type HolidaysClass = typeof DateHolidays;
/** An instance of it. */
export type HolidaysInstance = InstanceType<HolidaysClass>;

/** The command that installs the peer dependency, as the error names it. */
export const INSTALL_DATE_HOLIDAYS = 'npm install date-holidays';

/** Whether a failed load means "not installed" (and not an error inside an installed copy). */
function isNotInstalled(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((error as Error).message).includes("'date-holidays'");
}

/**
 * The error a regions function throws when date-holidays could not be loaded: a
 * `regions_not_loaded` {@link SlaclockError} naming the install command when the
 * package is not installed, else the loader's own error (a broken installation).
 */
export function dateHolidaysUnavailable(cause: unknown): Error {
  if (!isNotInstalled(cause)) return cause instanceof Error ? cause : new Error(String(cause));
  return new SlaclockError(
    'regions_not_loaded',
    `slaclock/regions needs the date-holidays package, an optional peer dependency that is not installed: run \`${INSTALL_DATE_HOLIDAYS}\``,
  );
}
