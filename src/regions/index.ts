// slaclock/regions: regional holidays from date-holidays, for calendars with { region } entries.
// The only entry point that loads date-holidays; the core entry never imports it.
export { holidayRegions, regionalHolidays, isKnownRegion } from './regional.js';
export type { HolidayRegions, RegionHolidayOptions, RegionalHoliday } from '../calendar/holidays/provider.js';
export type { HolidayType, RegionHolidays } from '../calendar/spec.js';
