// Bounded memory: the quantile sketch and the case-by-case comparison.
import { describe, expect, it } from 'vitest';
import { compare, createComparison, generateCases } from '../src/compare/index.js';
import { QuantileSketch } from '../src/compare/sketch.js';

describe('QuantileSketch', () => {
  it('is exact nearest-rank below its limit', () => {
    const sketch = new QuantileSketch();
    for (const value of [5, 1, 4, 2, 3]) sketch.add(value);
    // Sorted [1, 2, 3, 4, 5]: median rank ceil(2.5) = 3 -> 3; p90 rank ceil(4.5) = 5 -> 5; p10 rank 1 -> 1.
    expect([sketch.quantile(50), sketch.quantile(90), sketch.quantile(10), sketch.max, sketch.count]).toEqual([3, 5, 1, 5, 5]);
    expect(new QuantileSketch().quantile(50)).toBeNull();
  });

  it('folds into minute counts past 65,536 values, still nearest rank, to the minute', () => {
    const sketch = new QuantileSketch();
    // 70,000 values: minute i (as hours) for i = 69,999 down to 0, so the input is not sorted.
    for (let i = 69_999; i >= 0; i--) sketch.add(i / 60);
    // Sorted, the value at rank r is (r - 1) minutes. Median rank ceil(35,000) -> 34,999 min;
    // p90 rank ceil(63,000) -> 62,999 min; the largest is exact: 69,999 min.
    expect(sketch.count).toBe(70_000);
    expect(sketch.quantile(50)).toBeCloseTo(34_999 / 60, 12);
    expect(sketch.quantile(90)).toBeCloseTo(62_999 / 60, 12);
    expect(sketch.max).toBe(69_999 / 60);
  });
});

describe('createComparison', () => {
  it('fed case by case (or from an iterable) gives the report compare gives over the array', () => {
    const cases = generateCases({ year: 2026, seed: 3, count: 300, severities: [1, 2, 3, 4] });
    const entries = [{ policy: 'one-identity', plan: 'premier', basePlan: '24x7' }, { policy: 'sailpoint-identitynow', plan: 'standard' }];
    const comparison = createComparison(entries);
    for (const supportCase of cases) comparison.add(supportCase);
    expect(comparison.count).toBe(300);
    const whole = compare(entries, cases);
    expect(comparison.report()).toEqual(whole);
    expect(compare(entries, (function* () { yield* cases; })())).toEqual(whole);
  });

  it('rejects a malformed case at its index, whatever came before', () => {
    const comparison = createComparison([{ policy: 'jumpcloud', plan: 'premium' }]);
    comparison.add({ severity: 1, at: Date.UTC(2026, 10, 25, 22), region: 'US-CO' });
    expect(() => comparison.add({ severity: 1, at: Date.UTC(2026, 10, 25, 22), region: 'US-CO', firstReplyAt: Date.UTC(2026, 10, 25, 21) })).toThrow('Expected a first reply at or after the case was opened (2026-11-25T22:00:00.000Z), got 2026-11-25T21:00:00.000Z (at cases[1].firstReplyAt)');
    // Instants out of range are that error at the case's field (not a RangeError, not a first-reply
    // message with a year-287168 date, not a silent miss); epoch seconds are caught as evaluate catches them.
    const range = 'Expected an instant in the supported years 1900 to 2399, got 9000000000000000';
    expect(() => comparison.add({ severity: 1, at: 9e15, region: 'US-CO', firstReplyAt: Date.UTC(2026, 10, 25, 21) })).toThrow(`${range} (at cases[1].at)`);
    expect(() => comparison.add({ severity: 1, at: 9e15, region: 'US-CO' })).toThrow(`${range} (at cases[1].at)`);
    expect(() => comparison.add({ severity: 1, at: Date.UTC(2026, 10, 25, 21), region: 'US-CO', firstReplyAt: 9e15 })).toThrow(`${range} (at cases[1].firstReplyAt)`);
    expect(() => comparison.add({ severity: 1, at: 1_700_000_000, region: 'US-CO' })).toThrow(expect.objectContaining({ code: 'invalid_instant', path: ['cases', 1, 'at'] }));
  });
});
