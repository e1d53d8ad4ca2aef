/**
 * ISO-8601 text of wall times, for the answers that print instants (decisions, explanations,
 * reports). Its tables are built when this module loads, and marked pure so that a bundle
 * which never formats an instant (compileCalendar + addBusinessTime) leaves them out.
 */

import { formatDayKey, MS_PER_MINUTE, pad2 } from './civil.js';

// Formatting instants is on every decision's hot path, and tickets and their deadlines
// cluster in time. So the `YYYY-MM-DDTHH:MM:` of a wall minute is memoised (direct-mapped:
// about three days of minutes, and three years of day keys behind them), and what follows
// the minute comes from a table per suffix: a whole-second instant is one concatenation.
const DAY_KEY_SLOTS = 1024;
const memoDays = /* @__PURE__ */ new Float64Array(DAY_KEY_SLOTS).fill(Number.NaN);
const memoKeys: string[] = /* @__PURE__ */ new Array<string>(DAY_KEY_SLOTS).fill('');
const MINUTE_SLOTS = 4096;
const memoMinutes = /* @__PURE__ */ new Float64Array(MINUTE_SLOTS).fill(Number.NaN);
const memoMinuteKeys: string[] = /* @__PURE__ */ new Array<string>(MINUTE_SLOTS).fill('');
/** `THH:MM:` of each minute of a day. */
const MINUTES_OF_DAY = /* @__PURE__ */ Array.from({ length: 24 * 60 }, (_, minute) => `T${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:`);
const SECONDS = /* @__PURE__ */ Array.from({ length: 60 }, (_, second) => `${pad2(second)}.`);
const MILLIS = /* @__PURE__ */ Array.from({ length: 1000 }, (_, millis) => String(millis).padStart(3, '0'));

function dayKeyOf(day: number): string {
  const slot = day & (DAY_KEY_SLOTS - 1);
  if (memoDays[slot] !== day) {
    memoKeys[slot] = formatDayKey(day);
    memoDays[slot] = day;
  }
  return memoKeys[slot] as string;
}

/** What follows the minute in an ISO-8601 string with a given suffix (`''`, `'Z'`, `'-07:00'`): `SS.mmm` and the suffix. */
export class IsoTails {
  readonly suffix: string;
  /** `SS.000` and the suffix, per second. */
  readonly #wholeSeconds: readonly string[];

  constructor(suffix: string) {
    this.suffix = suffix;
    this.#wholeSeconds = Array.from({ length: 60 }, (_, second) => `${pad2(second)}.000${suffix}`);
  }

  /** The tail of an instant `inMinute` milliseconds into its minute. */
  of(inMinute: number): string {
    // Division and subtraction, not `%`: the milliseconds are often a double, whose `%` is a call.
    const second = Math.floor(inMinute / 1000);
    const millis = inMinute - second * 1000;
    if (millis === 0) return this.#wholeSeconds[second] as string;
    return (SECONDS[second] as string) + (MILLIS[millis] ?? String(millis).padStart(3, '0')) + this.suffix;
  }
}

const NO_SUFFIX = /* @__PURE__ */ new IsoTails('');

/**
 * `YYYY-MM-DDTHH:MM:SS.mmm` and the tails' suffix, of a wall time given as milliseconds
 * since 1970-01-01 on the wall calendar.
 */
export function formatWallIsoWith(wall: number, tails: IsoTails): string {
  const minute = Math.floor(wall / MS_PER_MINUTE);
  const slot = minute & (MINUTE_SLOTS - 1);
  if (memoMinutes[slot] !== minute) {
    const day = Math.floor(minute / 1440);
    memoMinuteKeys[slot] = dayKeyOf(day) + (MINUTES_OF_DAY[minute - day * 1440] as string);
    memoMinutes[slot] = minute;
  }
  return (memoMinuteKeys[slot] as string) + tails.of(wall - minute * MS_PER_MINUTE);
}

/**
 * `YYYY-MM-DDTHH:MM:SS.mmm` of a wall time given as milliseconds since 1970-01-01 on
 * the wall calendar (no offset).
 */
export function formatWallIso(wall: number): string {
  return formatWallIsoWith(wall, NO_SUFFIX);
}
