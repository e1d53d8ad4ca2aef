import { afterEach, describe, expect, it } from 'vitest';
import { SlaclockError } from '../src/errors.js';
import { DEFAULT_ZONE_CACHE_SIZE, setZoneCacheSize, zoneCacheLimit, Zone } from '../src/zone/zone.js';

describe('the shared zone cache', () => {
  afterEach(() => setZoneCacheSize(DEFAULT_ZONE_CACHE_SIZE));

  it('keeps every IANA zone Intl knows: one instance per zone, however many tenants spread over them', () => {
    const names = Intl.supportedValuesOf('timeZone');
    expect(names.length).toBeGreaterThan(400);
    expect(zoneCacheLimit()).toBeGreaterThanOrEqual(names.length);
    const first = names.map((name) => Zone.of(name));
    const again = names.map((name) => Zone.of(name));
    expect(again.filter((zone, i) => zone !== first[i])).toEqual([]);
  });

  it('refreshes a zone on a hit, so the least recently used one is dropped, not the oldest', () => {
    setZoneCacheSize(3);
    const [a, b, c, d] = ['Europe/Paris', 'Asia/Tokyo', 'America/Lima', 'Africa/Lagos'] as const;
    const paris = Zone.of(a);
    const tokyo = Zone.of(b);
    const lima = Zone.of(c);
    expect(Zone.of(a)).toBe(paris); // a hit: Paris is now the most recently used
    Zone.of(d); // evicts Tokyo, the least recently used
    expect(Zone.of(a)).toBe(paris);
    expect(Zone.of(c)).toBe(lima);
    expect(Zone.of(b)).not.toBe(tokyo); // rebuilt after eviction
  });

  it('shrinking the cache drops the least recently used zones at once, and a zone asked twice in a row stays shared', () => {
    const oslo = Zone.of('Europe/Oslo');
    Zone.of('Asia/Dubai');
    setZoneCacheSize(1);
    const dubai = Zone.of('Asia/Dubai');
    expect(Zone.of('Asia/Dubai')).toBe(dubai);
    expect(Zone.of('Europe/Oslo')).not.toBe(oslo);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects a cache size of %s', (size) => {
    expect(() => setZoneCacheSize(size)).toThrow(SlaclockError);
    expect(zoneCacheLimit()).toBe(DEFAULT_ZONE_CACHE_SIZE);
  });
});
