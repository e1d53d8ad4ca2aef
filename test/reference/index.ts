/** The slow, obviously-correct reference implementation (independent of src/). */
export { offsetMinutes, wallToInstant, instantToWall } from './zone.js';
export {
  openWallRanges,
  openInstantRanges,
  dayNumber,
  ymdOf,
  isoDate,
  wallMinutes,
  WEEKDAY_BY_UTC_DAY,
  type RefSpec,
  type RefWeekday,
  type RefInterval,
  type RefHoliday,
} from './calendar.js';
export {
  RefCalendar,
  ReferenceBoundError,
  MAX_STEPS,
  refIsOpen,
  refNextOpen,
  refNextClose,
  refAdd,
  refSubtract,
  refBetween,
  type RefPause,
  type Landing,
} from './clock.js';
