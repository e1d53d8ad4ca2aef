import { MS_PER_MINUTE, pad2 } from '../time/civil.js';
import { formatWallIso, formatWallIsoWith, IsoTails } from '../time/wallIso.js';
import type { Zone } from './zone.js';

/**
 * ISO-8601 strings of instants, in UTC ({@link formatUtcIso}) or in a zone
 * ({@link formatZonedIso}, what every answer prints), built from a memoised minute and a
 * table of tails per UTC offset (a whole-second instant is one concatenation). Offsets are
 * whole minutes in every zone today; the tables are bounded by the offsets that exist.
 */

/**
 * The plain form of {@link formatZonedIso} (which falls back to it, and which
 * test/isoFormat.test.ts holds to it): ISO-8601 naming exactly `epochMs` in `zone`: with the zone's offset, to the millisecond
 * (`2026-11-25T15:00:00.000-07:00`), or in UTC (`1971-06-01T09:44:30.000Z`) when the
 * offset is not whole minutes (Africa/Monrovia's -00:44:30 until 1972), since an ISO-8601
 * offset has no seconds and a rounded one would name another instant.
 *
 * @example
 * ```ts
 * formatIso(Zone.of('America/Denver'), Date.UTC(2026, 10, 25, 22)); // '2026-11-25T15:00:00.000-07:00'
 * ```
 */
export function formatIso(zone: Zone, epochMs: number): string {
  const offset = zone.offsetAt(epochMs);
  if (offset % MS_PER_MINUTE !== 0) return `${formatWallIso(epochMs)}Z`;
  return formatWallIso(epochMs + offset) + offsetText(offset);
}

const UTC = /* @__PURE__ */ new IsoTails('Z');
const byOffset = new Map<number, IsoTails>();
let lastOffset = Number.NaN;
let lastTails: IsoTails | undefined;

/**
 * `YYYY-MM-DDTHH:MM:SS.mmmZ` of an instant.
 *
 * @example
 * ```ts
 * formatUtcIso(Date.UTC(2026, 10, 25, 22)); // '2026-11-25T22:00:00.000Z'
 * ```
 */
export function formatUtcIso(epochMs: number): string {
  return formatWallIsoWith(epochMs, UTC);
}

/**
 * Exactly {@link formatIso}`(zone, epochMs)`, faster: the tails of the zone's offset come
 * from a table remembered per offset.
 *
 * @example
 * ```ts
 * formatZonedIso(Zone.of('America/Denver'), Date.UTC(2026, 10, 25, 22)); // '2026-11-25T15:00:00.000-07:00'
 * ```
 */
export function formatZonedIso(zone: Zone, epochMs: number): string {
  const offset = zone.offsetAt(epochMs);
  const tails = offset === lastOffset ? lastTails : tailsOf(offset);
  return tails === undefined ? formatIso(zone, epochMs) : formatWallIsoWith(epochMs + offset, tails);
}

// The tails of an offset, remembered with it (`undefined` for an offset that is not whole
// minutes): a zone's offset is the same for months, so most calls compare one number.
function tailsOf(offset: number): IsoTails | undefined {
  let tails = byOffset.get(offset);
  if (tails === undefined && Math.floor(offset / MS_PER_MINUTE) * MS_PER_MINUTE === offset) {
    tails = new IsoTails(offsetText(offset));
    byOffset.set(offset, tails);
  }
  lastOffset = offset;
  lastTails = tails;
  return tails;
}

const offsetTexts = new Map<number, string>();

/** `+HH:MM` of an offset, rounded to the minute (memoised). */
function offsetText(offsetMs: number): string {
  let text = offsetTexts.get(offsetMs);
  if (text === undefined) {
    const minutes = Math.round(offsetMs / MS_PER_MINUTE);
    const abs = Math.abs(minutes);
    text = `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    offsetTexts.set(offsetMs, text);
  }
  return text;
}
