// Internal: loads date-holidays (an optional peer dependency) once, when slaclock/regions or
// slaclock/compare is imported as an ES module. A missing package is no import error: the
// regions functions throw a SlaclockError naming the install command when they are called.
// The CommonJS build loads it with dateHolidays.cjs.ts instead (tsup.config.ts swaps the file).
import { dateHolidaysUnavailable, type HolidaysClass } from './peer.js';

const loaded: { holidays: HolidaysClass } | { error: unknown } = await import('date-holidays').then(
  (module) => ({ holidays: ((module as { default?: HolidaysClass }).default ?? module) as HolidaysClass }),
  (error: unknown) => ({ error }),
);

/**
 * The `Holidays` class of date-holidays.
 *
 * @throws {SlaclockError} `regions_not_loaded` when date-holidays is not installed.
 */
export function dateHolidays(): HolidaysClass {
  if ('error' in loaded) throw dateHolidaysUnavailable(loaded.error);
  return loaded.holidays;
}
