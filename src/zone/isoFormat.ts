import { formatWallIsoWith, IsoTails, MS_PER_MINUTE } from '../time/civil.js';
import { offsetText, type Zone } from './zone.js';

/**
 * ISO-8601 strings on a decision's hot path: what `Zone#formatIso` returns, built from
 * a memoised minute and a table of tails per UTC offset (a whole-second instant is one
 * concatenation). Offsets are whole minutes in every zone today; the tables are
 * bounded by the offsets that exist.
 */

const UTC = new IsoTails('Z');
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
 * Exactly `zone.formatIso(epochMs)`: the wall time with the zone's offset, to the
 * millisecond (or in UTC where the offset is not whole minutes).
 *
 * @example
 * ```ts
 * formatZonedIso(Zone.of('America/Denver'), Date.UTC(2026, 10, 25, 22)); // '2026-11-25T15:00:00.000-07:00'
 * ```
 */
export function formatZonedIso(zone: Zone, epochMs: number): string {
  const offset = zone.offsetAt(epochMs);
  const tails = offset === lastOffset ? lastTails : tailsOf(offset);
  return tails === undefined ? zone.formatIso(epochMs) : formatWallIsoWith(epochMs + offset, tails);
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
