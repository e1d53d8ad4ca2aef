// Internal: the CommonJS build's dateHolidays.ts (tsup.config.ts swaps it in): date-holidays,
// an optional peer dependency, required on first use, so that a missing package is a
// SlaclockError naming the install command when a regions function is called.
import { dateHolidaysUnavailable, type HolidaysClass } from './peer.js';

let holidays: HolidaysClass | undefined;

/**
 * The `Holidays` class of date-holidays.
 *
 * @throws {SlaclockError} `regions_not_loaded` when date-holidays is not installed.
 */
export function dateHolidays(): HolidaysClass {
  if (holidays === undefined) {
    try {
      const module = require('date-holidays') as HolidaysClass & { default?: HolidaysClass };
      holidays = module.default ?? module;
    } catch (error) {
      throw dateHolidaysUnavailable(error);
    }
  }
  return holidays;
}
