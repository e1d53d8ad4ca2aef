// Customer regions beyond DEFAULT_REGIONS: any code date-holidays knows, with its zone.
import { weekdayHours } from '../calendar/presets.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import { dateHolidays } from '../regions/dateHolidays.js';
import type { HolidaysInstance } from '../regions/peer.js';
import { isKnownRegion } from '../regions/regional.js';
import { DEFAULT_REGIONS } from './cases.js';
import { quoteValue } from '../util/describe.js';
import { messages } from '../util/issues.js';
import { Zone } from '../zone/zone.js';

/**
 * One region code of {@link listRegions}: a country (`FR`) or a state of one (`US-CA`).
 *
 * @example
 * ```ts
 * const region: RegionInfo = { code: 'US-CA', name: 'California', timezones: ['America/Los_Angeles'] };
 * ```
 */
export interface RegionInfo {
  /** `FR`, `US-CA`, `DE-BY`: what `--region` and a case's `region` take. */
  readonly code: string;
  /** The English name, as date-holidays gives it. */
  readonly name: string;
  /** The IANA zones the region spans (one for most countries and states). */
  readonly timezones: readonly string[];
}

let directory: HolidaysInstance | undefined;
function holidays(): HolidaysInstance {
  directory ??= new (dateHolidays())();
  return directory;
}

function zonesOf(country: string, state?: string): string[] {
  const instance = new (dateHolidays())();
  if (state === undefined) instance.init(country);
  else instance.init(country, state);
  return instance.getTimezones() ?? [];
}

/**
 * The region codes `date-holidays` knows: every country, or with `country` that
 * country's states (its first-level subdivisions), each with its name and zones.
 *
 * @throws {SlaclockError} `unknown_region` when `country` is not a known country code.
 * @example
 * ```ts
 * import { listRegions } from 'slaclock/compare';
 * listRegions().find((region) => region.code === 'FR'); // { code: 'FR', name: 'France', timezones: ['Europe/Paris'] }
 * listRegions('US').find((region) => region.code === 'US-CA')?.timezones; // ['America/Los_Angeles']
 * ```
 */
export function listRegions(country?: string): RegionInfo[] {
  const countries = holidays().getCountries('en');
  if (country === undefined) {
    return Object.entries(countries)
      .map(([code, name]) => ({ code, name, timezones: zonesOf(code) }))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
  }
  const upper = typeof country === 'string' ? country.toUpperCase() : '';
  if (!Object.prototype.hasOwnProperty.call(countries, upper)) {
    throw new SlaclockError('unknown_region', typeof country === 'string' ? `Unknown country ${quoteValue(country)}; expected a two-letter country code such as FR or US` : messages.expected('a two-letter country code such as FR or US', country), ['country']);
  }
  const states = holidays().getStates(upper, 'en') ?? {};
  return Object.entries(states)
    .map(([code, name]) => ({ code: `${upper}-${code}`, name, timezones: zonesOf(upper, code) }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * The zones of a region code `date-holidays` knows (any letter case), or `[]` for
 * an unknown code.
 *
 * @throws {SlaclockError} `unknown_region` when `code` is not a string.
 * @example
 * ```ts
 * import { regionTimezones } from 'slaclock/compare';
 * regionTimezones('fr'); // ['Europe/Paris']
 * regionTimezones('US').length > 1; // true
 * ```
 */
export function regionTimezones(code: string): string[] {
  if (typeof code !== 'string') throw new SlaclockError('unknown_region', messages.expected('a region code such as FR, US-CA or DE-BY', code), ['region']);
  if (!isKnownRegion(code)) return [];
  const [country, state] = code.toUpperCase().split('-');
  return zonesOf(country as string, state);
}

/**
 * The customer calendar of a region code: a key of {@link DEFAULT_REGIONS} as it is,
 * else any code `date-holidays` knows (`FR`, `US-CA`, `DE-BY`...), Monday to Friday
 * 09:00-17:00 in the region's zone, closed on its public holidays. The zone is
 * `timezone` when given, else the region's own when it has exactly one.
 *
 * @throws {SlaclockError} `unknown_region` (a code date-holidays does not know, or a
 *   region spanning several zones without `timezone`, the message listing them).
 * @example
 * ```ts
 * import { regionCalendarSpec } from 'slaclock/compare';
 * regionCalendarSpec('FR').timezone; // 'Europe/Paris'
 * regionCalendarSpec('US', 'America/Chicago').timezone; // 'America/Chicago'
 * ```
 */
export function regionCalendarSpec(code: string, timezone?: string): CalendarSpec {
  if (typeof code !== 'string') throw new SlaclockError('unknown_region', messages.expected('a region code such as FR, US-CA or DE-BY', code), ['region']);
  // A zone is checked before it goes into a spec, a built-in region's included.
  if (timezone !== undefined) {
    if (typeof timezone !== 'string') throw new SlaclockError('unknown_time_zone', messages.expected('an IANA time zone name', timezone), ['timezone']);
    Zone.of(timezone, ['timezone']);
  }
  const key = Object.keys(DEFAULT_REGIONS).find((name) => name === code) ?? Object.keys(DEFAULT_REGIONS).find((name) => name.toLowerCase() === code.trim().toLowerCase());
  const builtIn = key === undefined ? undefined : DEFAULT_REGIONS[key];
  if (builtIn !== undefined) return timezone === undefined ? builtIn : ({ ...builtIn, timezone } as CalendarSpec);
  if (!isKnownRegion(code.trim())) {
    throw new SlaclockError('unknown_region', `Unknown region ${quoteValue(code)}; expected a country or state code such as FR, US-CA or DE-BY (see: slaclock regions)`, ['region']);
  }
  const upper = code.trim().toUpperCase();
  let zone = timezone;
  if (zone === undefined) {
    const zones = regionTimezones(upper);
    if (zones.length !== 1) {
      const shown = zones.length > 8 ? `${zones.slice(0, 8).join(', ')} and ${zones.length - 8} more` : zones.join(', ');
      throw new SlaclockError('unknown_region', `Region ${upper} spans ${zones.length} time zones (${shown}); name one with a timezone (--timezone), or a state of it (see: slaclock regions ${upper.split('-')[0]})`, ['region']);
    }
    zone = zones[0] as string;
  }
  return { ...weekdayHours(zone, '09:00', '17:00', [{ region: upper }]), name: upper };
}
