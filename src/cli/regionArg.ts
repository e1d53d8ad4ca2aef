// --region and --timezone: the customer's calendar and zone.
import { weekdayHours } from '../calendar/presets.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { DEFAULT_REGIONS } from '../compare/cases.js';
import { regionCalendarSpec } from '../compare/regionCatalog.js';
import { Zone } from '../zone/zone.js';
import { matchIgnoringCase } from './suggest.js';

/** A region code as the library keys it: a DEFAULT_REGIONS key (any case), else upper case. */
export function regionCode(region: string): string {
  return matchIgnoringCase(region.trim(), Object.keys(DEFAULT_REGIONS)) ?? region.trim().toUpperCase();
}

/** The customer's calendar spec and zone from --region (any code date-holidays knows) and --timezone. */
export function customerCalendar(region: string | undefined, timezone: string | undefined): { spec?: CalendarSpec; timezone?: string } {
  const zone = timezone === undefined ? undefined : Zone.of(timezone.trim(), ['--timezone']).name;
  if (region !== undefined) {
    const spec = regionCalendarSpec(region.trim(), zone);
    return { spec, timezone: (spec as { timezone: string }).timezone };
  }
  if (zone !== undefined) return { spec: weekdayHours(zone, '09:00', '17:00'), timezone: zone };
  return {};
}
