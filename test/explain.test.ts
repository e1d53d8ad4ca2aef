import { describe, expect, it } from 'vitest';
import { businessTimeBetween, explainBusinessTime, type CalendarSpec } from '../src/index.js';

const calendar: CalendarSpec = {
  timezone: 'America/Denver',
  name: 'Denver office',
  week: { mon: [['09:00', '12:00'], ['13:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']] },
  holidays: [{ date: '2026-11-25', name: 'Company day' }],
};

describe('explainBusinessTime', () => {
  const a = '2026-11-23T11:00-07:00';
  const b = '2026-11-26T12:00-07:00';
  const explanation = explainBusinessTime(calendar, a, b, { pauses: [{ start: '2026-11-24T10:00-07:00', end: '2026-11-24T11:00-07:00' }] });

  it('shows each counted and excluded stretch with its reason, in order', () => {
    expect(explanation.segments.map((s) => `${s.kind}:${s.reason ?? ''}:${s.name ?? ''}:${s.start.slice(5, 16)}`)).toEqual([
      'open:::11-23T11:00',
      'closed:break::11-23T12:00',
      'open:::11-23T13:00',
      'closed:outside-hours::11-23T17:00',
      'open:::11-24T09:00',
      'paused:::11-24T10:00',
      'open:::11-24T11:00',
      'closed:outside-hours::11-24T17:00',
      'closed:holiday:Company day:11-25T00:00',
      'closed:outside-hours::11-26T00:00',
    ]);
  });

  it('covers [a, b) without gaps, shows offsets, and totals what businessTimeBetween says', () => {
    const { segments } = explanation;
    expect(segments[0]?.start).toBe('2026-11-23T11:00:00.000-07:00');
    expect(segments.at(-1)?.end).toBe('2026-11-26T12:00:00.000-07:00');
    segments.slice(1).forEach((segment, index) => expect(segment.startMs).toBe(segments[index]?.endMs));
    // Mon 1h + 4h, Tue 8h - 1h paused = 12h.
    expect(explanation.totalMs).toBe(12 * 3_600_000);
    expect(explanation.totalMs).toBe(businessTimeBetween(calendar, a, b, { pauses: [{ start: '2026-11-24T10:00-07:00', end: '2026-11-24T11:00-07:00' }] }));
  });

  it('is plain, serialisable data', () => {
    expect(JSON.parse(JSON.stringify(explanation))).toEqual(explanation);
  });

  it('is signed like businessTimeBetween when b < a', () => {
    expect(explainBusinessTime(calendar, b, a).totalMs).toBe(-13 * 3_600_000);
  });
});
