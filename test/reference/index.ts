/** The slow, obviously-correct reference implementation (independent of src/). */
export { offsetMinutes, offsetMs, wallToInstant, instantToWall, dayStart, spansAround, type Span } from './zone.js';
export {
  openWallRanges,
  openInstantRanges,
  dateExtent,
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
export { RefWindow } from './window.js';
export { zoneTransitions, type Transition } from './transitions.js';
export { refAddBusinessDays, localDateOf, type RefBusinessDayRule } from './businessDays.js';
