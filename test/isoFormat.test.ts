import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWallIso } from '../src/time/wallIso.js';
import { formatIso, formatUtcIso, formatZonedIso } from '../src/zone/isoFormat.js';
import { Zone } from '../src/zone/zone.js';

// The memoised formatting on evaluate's hot path must say exactly what the plain
// formatting says: Date#toISOString for UTC, formatIso for a zone.
const ZONES = ['UTC', 'America/Denver', 'Europe/Berlin', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Africa/Monrovia', 'America/St_Johns', 'Pacific/Kiritimati', 'Europe/Amsterdam'];
const MIN = Date.UTC(1900, 0, 1);
const MAX = Date.UTC(2399, 11, 31);
// Whole seconds (the one-concatenation path), whole minutes, and any millisecond; all years, and 2026 densely.
const arbInstant = fc.oneof(
  fc.integer({ min: MIN, max: MAX }),
  fc.integer({ min: MIN / 1000, max: MAX / 1000 }).map((s) => s * 1000),
  fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 0, 1) / 60_000 }).map((m) => m * 60_000),
);

describe('ISO-8601 formatting from memoised minutes and tail tables', () => {
  it('formatUtcIso and formatWallIso say what Date#toISOString says', () => {
    fc.assert(
      fc.property(fc.array(arbInstant, { minLength: 1, maxLength: 50 }), (instants) => {
        for (const t of instants) {
          expect(formatUtcIso(t)).toBe(new Date(t).toISOString());
          expect(formatWallIso(t)).toBe(new Date(t).toISOString().slice(0, -1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('formatZonedIso says what formatIso says, in zones with odd offsets and sub-minute history', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(arbInstant, { minLength: 1, maxLength: 30 }), (name, instants) => {
        const zone = Zone.of(name);
        for (const t of instants) expect(formatZonedIso(zone, t)).toBe(formatIso(zone, t));
      }),
      { numRuns: 300 },
    );
  });

  it('examples, memo slots reused by other minutes included', () => {
    const denver = Zone.of('America/Denver');
    const t = Date.UTC(2026, 10, 25, 22);
    expect(formatZonedIso(denver, t)).toBe('2026-11-25T15:00:00.000-07:00');
    expect(formatZonedIso(denver, t + 4096 * 60_000)).toBe('2026-11-28T11:16:00.000-07:00'); // 4096 minutes (2 days 20:16) later: the same memo slot
    expect(formatZonedIso(denver, t)).toBe('2026-11-25T15:00:00.000-07:00');
    expect(formatZonedIso(denver, t + 1_234)).toBe('2026-11-25T15:00:01.234-07:00');
    expect(formatZonedIso(Zone.of('Africa/Monrovia'), Date.UTC(1971, 5, 1, 9, 44, 30))).toBe('1971-06-01T09:44:30.000Z');
    expect(formatUtcIso(Date.UTC(1900, 0, 1))).toBe('1900-01-01T00:00:00.000Z');
  });
});
