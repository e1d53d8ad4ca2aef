import { describe, expect, it } from 'vitest';
import { DEFAULT_REGIONS, generateCases, parseCases, type SupportCase } from '../src/compare/cases.js';
import { compare, type ComparisonReport } from '../src/compare/compare.js';
import { formatReport } from '../src/compare/format.js';
import { regionCalendarSpec, regionTimezones } from '../src/compare/regionCatalog.js';
import { renderReportChart } from '../src/compare/reportChart.js';
import { compileCalendar, SlaclockError, type PolicySpec } from '../src/index.js';
import { holidayRegions } from '../src/regions/index.js';
import { errorOf } from './support/errors.js';

const jumpcloudStandard = { policy: 'jumpcloud', plan: 'standard' };
const jumpcloudPremium = { policy: 'jumpcloud', plan: 'premium' };

// JumpCloud Standard: 4 business hours on Mon-Fri 09:00-17:00 America/Denver, U.S.
// federal holidays closed (Thanksgiving is Thursday 2026-11-26). Premium: 1 elapsed hour.
const mon0900 = { severity: 1, at: Date.UTC(2026, 10, 23, 16), region: 'US-CO' }; // Mon 2026-11-23 09:00 MST
const wed1500 = { severity: 1, at: Date.UTC(2026, 10, 25, 22), region: 'US-CO' }; // Wed 2026-11-25 15:00 MST
const fri1600 = { severity: 1, at: Date.UTC(2026, 10, 27, 23), region: 'US-CO' }; // Fri 2026-11-27 16:00 MST

describe('DEFAULT_REGIONS', () => {
  it('has the six customer regions, each a calendar that compiles', () => {
    expect(Object.keys(DEFAULT_REGIONS).sort()).toEqual(['AU-NSW', 'DE-BY', 'GB', 'IN', 'US-CO', 'US-NY']);
    const zones = Object.fromEntries(Object.entries(DEFAULT_REGIONS).map(([code, spec]) => [code, compileCalendar(spec, { holidayRegions }).timezone]));
    expect(zones).toEqual({
      'US-CO': 'America/Denver',
      'US-NY': 'America/New_York',
      GB: 'Europe/London',
      'DE-BY': 'Europe/Berlin',
      'AU-NSW': 'Australia/Sydney',
      IN: 'Asia/Kolkata',
    });
    expect(Object.isFrozen(DEFAULT_REGIONS)).toBe(true);
  });
});

describe('compare', () => {
  it('sums up hand-checked JumpCloud cases', () => {
    const report = compare([jumpcloudStandard, jumpcloudPremium], [mon0900, wed1500, fri1600]);
    // Standard:
    //   Mon 09:00 + 4 h open = Mon 13:00: 4 h, same day.
    //   Wed 15:00: 2 h to 17:00, Thursday is Thanksgiving, Fri 09:00 + 2 h = Fri 11:00: 44 h, a later day.
    //   Fri 16:00: 1 h to 17:00, weekend, Mon 09:00 + 3 h = Mon 12:00: 3 x 24 - 4 = 68 h, a later day.
    //   Sorted [4, 44, 68]. Nearest rank: median rank ceil(0.5 x 3) = 2 -> 44; p90 rank ceil(0.9 x 3) = 3 -> 68.
    // Premium: 1 elapsed hour each (10:00, 16:00, 17:00 the same day): 1, 1, 1, no later day.
    expect(report.cases).toBe(3);
    expect(report.rows).toEqual([
      { policy: 'jumpcloud', vendor: 'JumpCloud', plan: 'standard', basePlan: null, planLabel: 'standard', version: 'current', severity: 1, defined: true, cases: 3, eligibleShare: null, withTarget: 3, medianHours: 44, p90Hours: 68, worstHours: 68, nextDayOrLaterShare: 2 / 3, outcomes: null },
      { policy: 'jumpcloud', vendor: 'JumpCloud', plan: 'premium', basePlan: null, planLabel: 'premium', version: 'current', severity: 1, defined: true, cases: 3, eligibleShare: null, withTarget: 3, medianHours: 1, p90Hours: 1, worstHours: 1, nextDayOrLaterShare: 0, outcomes: null },
    ]);
    // Eligibility is not reported when no case carries an account status: it would be 100% by construction.
    expect(report.legend.map((entry) => entry.column)).not.toContain('eligible');
    expect(report.assumptions[0]).toMatch(/good standing/);
  });

  it('takes the lower middle value as the median of an even count (nearest rank)', () => {
    // [4, 44]: median rank ceil(0.5 x 2) = 1 -> 4; p90 rank ceil(0.9 x 2) = 2 -> 44.
    const [row] = compare([jumpcloudStandard], [wed1500, mon0900]).rows;
    expect([row?.medianHours, row?.p90Hours, row?.worstHours]).toEqual([4, 44, 44]);
  });

  it('gives one row per entry and severity, severities ascending', () => {
    const report = compare([jumpcloudPremium], [
      { ...wed1500, severity: 3 },
      { ...wed1500, severity: 2 },
      wed1500,
    ]);
    // Premium: 1, 2 and 4 elapsed hours for severities 1, 2, 3.
    expect(report.rows.map((row) => [row.severity, row.cases, row.medianHours])).toEqual([[1, 1, 1], [2, 1, 2], [3, 1, 4]]);
  });

  it('judges "next day or later" in the case region\'s zone', () => {
    // Premium, Mon 2026-11-23 23:30 EST (04:30Z Tue): deadline 00:30 EST Tue, a later date in
    // New York (though the same date in UTC and in Denver, 21:30 -> 22:30 MST Mon).
    // Plus Mon 09:00 MST in US-CO -> 10:00, the same day. One of two: 0.5.
    const lateNewYork = { severity: 1, at: Date.UTC(2026, 10, 24, 4, 30), region: 'US-NY' };
    const [row] = compare([jumpcloudPremium], [lateNewYork, mon0900]).rows;
    expect(row?.nextDayOrLaterShare).toBe(0.5);
    expect(row?.worstHours).toBe(1);
  });

  it('says a severity the version in force lacks is not defined by the policy, not "skipped"', () => {
    // SailPoint IdentityNow defines only severity 3 (with no published target).
    const report = compare([{ policy: 'sailpoint-identitynow', plan: 'standard' }], [mon0900, wed1500, { ...fri1600, severity: 3 }]);
    expect(report.rows.map((row) => [row.severity, row.defined, row.cases, row.withTarget, row.medianHours])).toEqual([
      [1, false, 2, 0, null],
      [3, true, 1, 0, null],
    ]);
    expect(formatReport(report, 'table')).toMatch(/^SailPoint .* 1 .* not defined by this policy$/m);
    expect(formatReport(report, 'table')).not.toMatch(/skipped/);
  });

  it('skips cases whose plan the version in force lacks, and uses the plan\'s own contract status', () => {
    // "free" exists only on JumpCloud's legacy page (before 2023-01-01), under contract "none":
    // eligible in 2022 with no published target; in 2026 the current tiers have no "free" plan.
    const in2022 = { severity: 1, at: Date.UTC(2022, 5, 1, 16), region: 'US-CO' };
    const report = compare([{ policy: 'jumpcloud', plan: 'free' }], [{ ...in2022, contract: 'none' }, wed1500]);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ version: 'legacy', cases: 1, eligibleShare: 1, withTarget: 0, medianHours: null });
  });

  it('counts a trial plan as eligible (the trial starts at the case) with no target', () => {
    const [row] = compare([{ policy: 'jumpcloud', plan: 'free-trial' }], [wed1500]).rows;
    expect(row).toMatchObject({ defined: true, eligibleShare: null, withTarget: 0, worstHours: null });
  });

  it('runs customer-clock plans on the case region\'s calendar, and options.regions overrides it', () => {
    const clause = { source: 'test', text: 'Two business hours, your hours.' };
    const policy: PolicySpec = {
      id: 'local-hours',
      vendor: 'Test',
      name: 'Local hours',
      versions: [
        {
          id: 'v1',
          source: 'test',
          severities: [{ level: 1, name: 'Urgent', definition: 'Down.' }],
          plans: [{ id: 'basic', name: 'Basic', tier: 1, channels: ['email'], coverage: { default: 'customer' }, targets: { 1: { duration: 'PT2H', clause } }, clause }],
        },
      ],
    };
    // Thu 2026-12-24 16:00 GMT, GB 09:00-17:00: 1 h to 17:00; Fri 25 Christmas, Sat-Sun, Mon 28
    // Boxing Day (substitute day); Tue 29 09:00 + 1 h = 10:00. Thu 16:00 -> Tue 16:00 is 120 h, less 6: 114 h.
    const christmasEve = { severity: 1, at: Date.UTC(2026, 11, 24, 16), region: 'GB' };
    expect(compare([{ policy, plan: 'basic' }], [christmasEve]).rows[0]?.worstHours).toBe(114);
    // The same hours without holidays: 1 h Thursday, Fri 09:00 + 1 h = 10:00: 18 h.
    const noHolidays = { timezone: 'Europe/London', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]])) } as const;
    expect(compare([{ policy, plan: 'basic' }], [christmasEve], { regions: { GB: noHolidays } }).rows[0]?.worstHours).toBe(18);
  });

  it('reports an empty workload as zero cases and no rows', () => {
    const report = compare([jumpcloudStandard], []);
    expect([report.cases, report.rows]).toEqual([0, []]);
  });

  it('rejects bad entries and cases with paths', () => {
    const unknownPolicy = errorOf(() => compare([{ policy: 'acme', plan: 'basic' }], [wed1500]));
    expect([unknownPolicy.code, unknownPolicy.path]).toEqual(['unknown_policy', ['entries', 0, 'policy']]);
    const unknownPlan = errorOf(() => compare([jumpcloudStandard, { policy: 'jumpcloud', plan: 'gold' }], [wed1500]));
    expect([unknownPlan.code, unknownPlan.path]).toEqual(['unknown_plan', ['entries', 1, 'plan']]);
    const unknownRegion = errorOf(() => compare([jumpcloudStandard], [wed1500, { ...wed1500, region: 'XX' }]));
    expect([unknownRegion.code, unknownRegion.path]).toEqual(['unknown_region', ['cases', 1, 'region']]);
    const badAt = errorOf(() => compare([jumpcloudStandard], [{ ...wed1500, at: 1.5 }]));
    expect([badAt.code, badAt.path]).toEqual(['invalid_input', ['cases', 0, 'at']]);
    const noEntries = errorOf(() => compare([], [wed1500]));
    expect(noEntries.code).toBe('invalid_input');
  });

  it('reads each field of a case once, so a getter cannot answer the check and the computation differently', () => {
    let reads = 0;
    // Valid on the first read of `at`, a fractional instant on any later one.
    const shifty = Object.defineProperty({ ...wed1500 }, 'at', {
      enumerable: true,
      get: () => (reads++ === 0 ? wed1500.at : 1.5),
    }) as SupportCase;
    const [row] = compare([jumpcloudStandard], [shifty]).rows;
    expect(reads).toBe(1);
    expect(row?.medianHours).toBe(44);
    const throwing = Object.defineProperty({ ...wed1500 }, 'region', {
      enumerable: true,
      get: () => {
        throw new Error('getter exploded');
      },
    }) as SupportCase;
    const error = errorOf(() => compare([jumpcloudStandard], [wed1500, throwing]));
    expect(error.message).toBe('Expected a case { severity, at, region } of plain data; reading one of its fields threw (at cases[1])');
  });

  it('rejects a report given as a Proxy whose traps throw, and a region zone that is not a zone', () => {
    const trap = () => {
      throw new Error('get trap');
    };
    const chart = errorOf(() => renderReportChart(new Proxy(compare([jumpcloudStandard], [wed1500]), { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap }), 'hours'));
    expect(chart.code).toBe('invalid_input');
    expect(errorOf(() => regionCalendarSpec('GB', 10n as never)).message).toBe('Expected an IANA time zone name, got bigint 10n (at timezone)');
    expect(errorOf(() => regionCalendarSpec('GB', 'Mars/Olympus')).message).toBe('Unknown IANA time zone "Mars/Olympus" (at timezone)');
    expect(regionCalendarSpec('GB', 'Europe/Dublin').timezone).toBe('Europe/Dublin');
    // A code that is not a string is a typo, not an unknown region: an error, not [].
    expect(regionTimezones('XX')).toEqual([]);
    expect(errorOf(() => regionTimezones(5 as never)).message).toBe('Expected a region code such as FR, US-CA or DE-BY, got number 5 (at region)');
  });

  it('rejects cases given as a Proxy whose traps throw', () => {
    const trap = () => {
      throw new Error('get trap');
    };
    const error = errorOf(() => compare([jumpcloudStandard], new Proxy([wed1500], { get: trap })));
    expect(error.message).toBe('Expected an array (or iterable) of support cases, got an object that is not iterable (or cannot be read) (at cases)');
  });
});

// The local weekday (0 = Monday) and hour of an instant in a zone, read with Intl, independently of slaclock.
function localWeekdayHour(at: number, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.find((part) => part.type === 'weekday')?.value ?? '');
  return { weekday, hour: Number(parts.find((part) => part.type === 'hour')?.value) };
}

const ZONES: Record<string, string> = {
  'US-CO': 'America/Denver',
  'US-NY': 'America/New_York',
  GB: 'Europe/London',
  'DE-BY': 'Europe/Berlin',
  'AU-NSW': 'Australia/Sydney',
  IN: 'Asia/Kolkata',
};

function businessHoursShare(cases: readonly SupportCase[]): number {
  const inWindow = cases.filter((supportCase) => {
    const { weekday, hour } = localWeekdayHour(supportCase.at, ZONES[supportCase.region] as string);
    return weekday <= 4 && hour >= 8 && hour < 18;
  });
  return inWindow.length / cases.length;
}

describe('generateCases', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateCases({ year: 2026, seed: 7 });
    expect(generateCases({ year: 2026, seed: 7 })).toEqual(a);
    const b = generateCases({ year: 2026, seed: 8 });
    expect(b).not.toEqual(a);
    expect(b.filter((supportCase, index) => supportCase.at === a[index]?.at).length).toBeLessThan(10);
  });

  it('draws 2000 cases on whole minutes of the UTC year, severities 1-3, every region', () => {
    const cases = generateCases({ year: 2026, seed: 1 });
    expect(cases).toHaveLength(2000);
    for (const supportCase of cases) {
      expect(supportCase.at).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 1));
      expect(supportCase.at).toBeLessThan(Date.UTC(2027, 0, 1));
      expect(supportCase.at % 60_000).toBe(0);
    }
    expect(new Set(cases.map((supportCase) => supportCase.severity))).toEqual(new Set([1, 2, 3]));
    expect(new Set(cases.map((supportCase) => supportCase.region))).toEqual(new Set(Object.keys(DEFAULT_REGIONS)));
    // Each of 3 severities: expected 667 of 2000, standard deviation about 21.
    for (const severity of [1, 2, 3]) {
      expect(cases.filter((supportCase) => supportCase.severity === severity).length).toBeGreaterThan(560);
    }
    // Spread over the year: each half holds about 1000 (sd about 22).
    expect(cases.filter((supportCase) => supportCase.at < Date.UTC(2026, 6, 2, 12)).length).toBeGreaterThan(880);
    expect(cases.filter((supportCase) => supportCase.at < Date.UTC(2026, 6, 2, 12)).length).toBeLessThan(1120);
  });

  it('honours count, severities and regions', () => {
    const cases = generateCases({ year: 2030, seed: 3, count: 50, severities: [2], regions: ['GB', 'IN'] });
    expect(cases).toHaveLength(50);
    expect(cases.every((supportCase) => supportCase.severity === 2)).toBe(true);
    expect(new Set(cases.map((supportCase) => supportCase.region))).toEqual(new Set(['GB', 'IN']));
  });

  it('business-hours weighting moves cases into Mon-Fri 08:00-18:00 local', () => {
    // Uniform: 5 x 10 of 168 hours of a week are in the window, 29.8% (DST shifts a few hours
    // a year); with 2000 cases the standard deviation is about 1%, so 25%-35% is certain.
    // Weighted: 80% are redrawn into the window, the other 20% land in it 29.8% of the time:
    // 0.8 + 0.2 x 0.298 = 86% (sd under 1%), so more than 80%.
    const uniform = businessHoursShare(generateCases({ year: 2026, seed: 11 }));
    const weighted = businessHoursShare(generateCases({ year: 2026, seed: 11, weighting: 'business-hours' }));
    expect(uniform).toBeGreaterThan(0.25);
    expect(uniform).toBeLessThan(0.35);
    expect(weighted).toBeGreaterThan(0.8);
    expect(weighted).toBeLessThan(0.92);
  });

  it('rejects bad options with paths', () => {
    const cases: [Parameters<typeof generateCases>[0], string, (string | number)[]][] = [
      [{ year: 1899, seed: 1 }, 'invalid_option', ['year']],
      [{ year: 2026.5, seed: 1 }, 'invalid_option', ['year']],
      [{ year: 2026, seed: 1, count: 0 }, 'invalid_option', ['count']],
      [{ year: 2026, seed: 1, count: 1_000_001 }, 'invalid_option', ['count']],
      [{ year: 2026, seed: Number.NaN }, 'invalid_option', ['seed']],
      [{ year: 2026, seed: 1, weighting: 'weekends' as never }, 'invalid_option', ['weighting']],
      [{ year: 2026, seed: 1, severities: [] }, 'invalid_option', ['severities']],
      [{ year: 2026, seed: 1, severities: [1, 1.5] }, 'invalid_option', ['severities', 1]],
      [{ year: 2026, seed: 1, regions: ['GB', 'XX'] }, 'unknown_region', ['regions', 1]],
    ];
    for (const [options, code, path] of cases) {
      const error = errorOf(() => generateCases(options));
      expect([error.code, error.path]).toEqual([code, path]);
    }
  });
});

describe('parseCases', () => {
  const wed = Date.UTC(2026, 10, 25, 22); // 2026-11-25T15:00-07:00

  it('reads CSV: header, CRLF, blank lines, quoted fields, any column order', () => {
    const text = 'severity,at,region\r\n1,2026-11-25T15:00-07:00,US-CO\r\n\r\n3,"2026-11-25T22:00Z",GB\r\n';
    expect(parseCases(text, 'csv')).toEqual([
      { severity: 1, at: wed, region: 'US-CO' },
      { severity: 3, at: wed, region: 'GB' },
    ]);
    expect(parseCases('region, severity, at\nIN, 2, 2026-11-26T03:30+05:30\n', 'csv')).toEqual([{ severity: 2, at: Date.UTC(2026, 10, 25, 22), region: 'IN' }]);
    expect(parseCases('severity,at,region\n', 'csv')).toEqual([]);
  });

  it('names the spreadsheet row (the header is row 1) and the field in CSV errors', () => {
    const check = (text: string, code: string, path: (string | number)[], line: string) => {
      const error = errorOf(() => parseCases(text, 'csv'));
      expect([error.code, error.path]).toEqual([code, path]);
      expect(error.message).toContain(line);
    };
    const header = 'severity,at,region\n';
    check(`${header}1,2026-11-25T15:00-07:00,US-CO\n2,2026-11-25T15:00,US-CO\n`, 'invalid_input', [1, 'at'], 'Row 3: at ');
    check(`${header}1,2026-02-30T15:00Z,US-CO\n`, 'invalid_input', [0, 'at'], 'Row 2');
    check(`${header}\nhigh,2026-11-25T15:00Z,US-CO\n`, 'invalid_input', [0, 'severity'], 'Row 3: severity must be an integer (map words to levels with --severity-map');
    check(`${header}1.5,2026-11-25T15:00Z,US-CO\n`, 'invalid_input', [0, 'severity'], 'Row 2');
    check(`${header}1,2026-11-25T15:00Z,US-CO\n1,2026-11-25T15:00Z,XX\n`, 'unknown_region', [1, 'region'], 'Row 3: unknown region "XX"');
    check(`${header}1,2026-11-25T15:00Z\n`, 'invalid_input', [0], 'Row 2: expected 3 fields like the header, got 2');
    check(`${header}1,"2026-11-25T15:00Z,US-CO\n`, 'invalid_input', [0], 'Row 2: a quoted field is not closed');
    check(`${header}1,2500-01-01T00:00Z,US-CO\n`, 'invalid_input', [0, 'at'], 'Row 2');
    check('severity,when,region\n1,2026-11-25T15:00Z,US-CO\n', 'invalid_input', [], 'The header has no column "at" (it has "severity", "when", "region") (delimiter: comma); name the columns with --map at=<column>');
    check('severity;at\n1;2026-11-25T15:00Z\n', 'invalid_input', [], 'no column "region"');
    check('\n\n', 'invalid_input', [], 'empty');
  });

  it('reads JSON: ISO strings or epoch milliseconds', () => {
    const text = JSON.stringify([
      { severity: 1, at: '2026-11-25T15:00-07:00', region: 'US-CO' },
      { severity: 2, at: wed, region: 'AU-NSW' },
    ]);
    expect(parseCases(text, 'json')).toEqual([
      { severity: 1, at: wed, region: 'US-CO' },
      { severity: 2, at: wed, region: 'AU-NSW' },
    ]);
  });

  it('names the entry and the row in JSON errors', () => {
    const check = (value: unknown, code: string, path: (string | number)[]) => {
      const error = errorOf(() => parseCases(typeof value === 'string' ? value : JSON.stringify(value), 'json'));
      expect([error.code, error.path]).toEqual([code, path]);
      return error;
    };
    const good = { severity: 1, at: '2026-11-25T15:00Z', region: 'GB' };
    expect(check([good, { ...good, at: '2026-11-25T15:00' }], 'invalid_input', [1, 'at']).message).toContain('Entry 2');
    check([good, good, { ...good, severity: 'high' }], 'invalid_input', [2, 'severity']);
    check([{ ...good, at: true }], 'invalid_input', [0, 'at']);
    check([{ ...good, at: 1.5 }], 'invalid_input', [0, 'at']);
    check([{ ...good, region: 'XX' }], 'unknown_region', [0, 'region']);
    check([{ ...good, region: 5 }], 'unknown_region', [0, 'region']);
    check([good, 'case'], 'invalid_input', [1]);
    check({ cases: [good] }, 'invalid_input', []);
    check('[{', 'invalid_input', []);
  });

  it('accepts extra regions and rejects an unknown format', () => {
    const text = 'severity,at,region\n1,2026-11-25T15:00Z,FR\n';
    expect(parseCases(text, 'csv', { regions: { FR: { timezone: 'Europe/Paris', week: { mon: [['09:00', '17:00']] } } } })[0]?.region).toBe('FR');
    const error = errorOf(() => parseCases(text, 'xml' as never));
    expect([error.code, error.path]).toEqual(['invalid_option', ['format']]);
  });
});

describe('formatReport', () => {
  // Written by hand, not produced by compare().
  const base = { vendor: 'JumpCloud', basePlan: null, version: 'current', defined: true, eligibleShare: null, outcomes: null };
  const report: ComparisonReport = {
    cases: 5,
    rows: [
      { ...base, policy: 'jumpcloud', plan: 'standard', planLabel: 'standard', severity: 1, cases: 3, withTarget: 3, medianHours: 44, p90Hours: 68, worstHours: 68, nextDayOrLaterShare: 2 / 3 },
      { ...base, vendor: 'SailPoint', policy: 'sailpoint-identitynow', plan: 'standard', planLabel: 'standard', severity: 1, defined: false, cases: 2, withTarget: 0, medianHours: null, p90Hours: null, worstHours: null, nextDayOrLaterShare: null },
      { ...base, vendor: '=cmd|x', policy: 'x', plan: 'a', planLabel: 'a,"b"|c', severity: 2, cases: 4, withTarget: 1, medianHours: 1.25, p90Hours: 1.25, worstHours: 1.25, nextDayOrLaterShare: 0 },
    ],
    legend: [],
    assumptions: ['Judged as an account in good standing.'],
    interpretations: [],
  };

  it('csv: a header and one line per row, hours and percentages with one decimal, formula-looking text made inert', () => {
    expect(formatReport(report, 'csv')).toBe(
      'vendor,policy,plan,severity,cases,with_target,median_hours,p90_hours,worst_hours,next_day_or_later_pct,note\n' +
        'JumpCloud,jumpcloud,standard,1,3,3,44.0,68.0,68.0,66.7,\n' +
        'SailPoint,sailpoint-identitynow,standard,1,2,0,,,,,not defined by this policy\n' +
        `'=cmd|x,x,"a,""b""|c",2,4,1,1.3,1.3,1.3,0.0,\n`,
    );
  });

  it('markdown: a GitHub table, then the legend and the assumptions', () => {
    const lines = formatReport(report, 'markdown').trimEnd().split('\n');
    expect(lines[0]).toBe('| vendor | policy | plan | sev | cases | with target | median h | p90 h | worst h | next day+ | note |');
    expect(lines[1]).toBe('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    expect(lines[2]).toBe('| JumpCloud | jumpcloud | standard | 1 | 3 | 3 | 44.0 | 68.0 | 68.0 | 66.7% |  |');
    expect(lines[3]).toBe('| SailPoint | sailpoint-identitynow | standard | 1 | 2 | 0 | - | - | - | - | not defined by this policy |');
    expect(lines[4]).toBe('| =cmd\\|x | x | a,"b"\\|c | 2 | 4 | 1 | 1.3 | 1.3 | 1.3 | 0.0% |  |');
    expect(lines).toContain('**Legend**');
    expect(lines).toContain('- **median h**: Median wall-clock hours from opening to the first-response deadline (nearest rank).');
    expect(lines.at(-1)).toBe('- Judged as an account in good standing.');
  });

  it('table: aligned columns under a rule, then the legend', () => {
    const lines = formatReport(report, 'table').trimEnd().split('\n');
    expect(lines[0]?.split(/\s{2,}/)).toEqual(['vendor', 'policy', 'plan', 'sev', 'cases', 'with target', 'median h', 'p90 h', 'worst h', 'next day+', 'note']);
    expect(lines[1]).toMatch(/^-+( +-+)+$/);
    expect(lines[2]?.split(/\s+/)).toEqual(['JumpCloud', 'jumpcloud', 'standard', '1', '3', '3', '44.0', '68.0', '68.0', '66.7%']);
    expect(lines[3]).toMatch(/ - +not defined by this policy$/);
    expect(lines[6]).toBe('Legend:');
    expect(lines).toContain('  p90 h        90% of the deadlines fall within this many hours of the opening.');
  });

  it('shows a version column only when a policy spans versions, eligibility only with account columns', () => {
    const spanning = { ...report, rows: [report.rows[0]!, { ...report.rows[0]!, version: 'legacy', eligibleShare: 0.5 }] };
    const header = formatReport(spanning, 'csv').split('\n')[0];
    expect(header).toBe('vendor,policy,version,plan,severity,cases,eligible_pct,with_target,median_hours,p90_hours,worst_hours,next_day_or_later_pct');
  });

  it('json: the report itself, legend included', () => {
    const text = formatReport(report, 'json');
    expect(JSON.parse(text)).toEqual(report);
    expect(text).toContain('\n  "cases": 5,');
  });

  it('formats what compare() returns, and rejects an unknown format', () => {
    const compared = compare([jumpcloudStandard], [mon0900, wed1500, fri1600]);
    expect(formatReport(compared, 'csv').split('\n')[1]).toBe('JumpCloud,jumpcloud,standard,1,3,3,44.0,68.0,68.0,66.7');
    expect(JSON.parse(formatReport(compared, 'json')).legend.map((entry: { field: string }) => entry.field)).toEqual([
      'vendor', 'policy', 'plan', 'severity', 'cases', 'with_target', 'median_hours', 'p90_hours', 'worst_hours', 'next_day_or_later_pct',
    ]);
    const error = errorOf(() => formatReport(report, 'pdf' as never));
    expect([error.code, error.path]).toEqual(['invalid_option', ['format']]);
  });
});

it('measures hours as elapsed time from opening to deadline', () => {
  // Premium severity 3 on the fall-back night (docs/policies.md): Sat 2026-10-31 23:30 MDT + 4 elapsed hours.
  const [row] = compare([jumpcloudPremium], [{ severity: 3, at: Date.UTC(2026, 10, 1, 5, 30), region: 'US-CO' }]).rows;
  expect(row?.worstHours).toBe(4);
});

describe('slaclock/compare inputs: a typo or a wrong type is an error at the caller\'s path, never a default', () => {
  const entries = [{ policy: 'jumpcloud', plan: 'standard' }];
  const opened = Date.UTC(2026, 10, 25, 22);
  const cases: SupportCase[] = [{ severity: 1, at: opened, region: 'US-CO' }];
  const csv = 'severity,at\n1,2026-11-25T15:00-07:00\n';
  const cs = (value: unknown) => value as never;
  const problem = (action: () => unknown) => {
    const error = errorOf(action);
    return [error.code, error.path, error.message];
  };

  it('options of every function', () => {
    expect(problem(() => generateCases(cs({ year: 2026, seed: 1, sevrities: [1] })))).toEqual([
      'invalid_option', ['options'], 'Unknown field "sevrities" (did you mean "severities"?) (at options)',
    ]);
    expect(problem(() => compare(entries, cases, cs({ regons: {} })))).toEqual(['invalid_option', ['options'], 'Unknown field "regons" (did you mean "regions"?) (at options)']);
    expect(problem(() => parseCases(csv, 'csv', cs({ region: 'US-CO', colums: {} })))).toEqual(['invalid_option', ['options'], 'Unknown field "colums" (did you mean "columns"?) (at options)']);
    expect(problem(() => parseCases(csv, 'csv', cs({ region: 5 })))).toEqual(['invalid_option', ['region'], 'Expected a region code such as "US" or "US-CA", got number 5 (at region)']);
    expect(problem(() => parseCases(csv, 'csv', cs({ region: 'US-CO', columns: 5 })))).toEqual([
      'invalid_option', ['columns'], 'Expected an object of column names by case field, got number 5 (at columns)',
    ]);
    expect(problem(() => parseCases(csv, 'csv', cs({ region: 'US-CO', severities: [1] })))).toEqual([
      'invalid_option', ['severities'], 'Expected an object of severity levels by word, e.g. { urgent: 1 }, got array [1] (at severities)',
    ]);
    expect(problem(() => parseCases(csv, 'csv', cs({ region: 'US-CO', delimiter: '|' })))).toEqual(['invalid_option', ['delimiter'], 'Expected one of ",", ";", "\\t", got "|" (did you mean ","?) (at delimiter)']);
    expect(problem(() => parseCases(cs(5), 'csv'))).toEqual(['invalid_input', ['text'], 'Expected the cases as text (a string), got number 5 (at text)']);
    const report = compare(entries, cases);
    expect(problem(() => formatReport(report, 'csv', cs({ titel: 'x' })))).toEqual(['invalid_option', ['options'], 'Unknown field "titel" (did you mean "title"?) (at options)']);
    expect(problem(() => formatReport(report, 'html', cs({ title: 5 })))).toEqual(['invalid_option', ['options', 'title'], 'Expected a string, got number 5 (at options.title)']);
    expect(problem(() => formatReport(report, 'html', cs({ charts: [5] })))).toEqual([
      'invalid_option', ['options', 'charts'], 'Expected an array of SVG documents (strings), got array [5] (at options.charts)',
    ]);
    expect(problem(() => renderReportChart(report, cs('hour')))).toEqual(['invalid_option', ['view'], 'Expected one of "hours", "attainment", got "hour" (did you mean "hours"?) (at view)']);
  });

  it('a report whose fields have the wrong kind (not made by compare, or edited) is invalid_input, not a TypeError', () => {
    const report = compare(entries, cases);
    const wrongKind = /^Expected a comparison report as compare returns it; a field of this one has the wrong kind \(.+\) \(at report\)$/;
    // Each of these threw a TypeError before.
    expect(problem(() => formatReport(cs({ ...report, rows: [null] }), 'table'))).toEqual(['invalid_input', ['report'], expect.stringMatching(wrongKind)]);
    expect(problem(() => formatReport(cs({ ...report, rows: [{}] }), 'markdown'))).toEqual(['invalid_input', ['report'], expect.stringMatching(wrongKind)]);
    expect(problem(() => formatReport(cs({ ...report, rows: [{ ...report.rows[0], medianHours: 'a' }] }), 'table'))).toEqual(['invalid_input', ['report'], expect.stringMatching(wrongKind)]);
    // Any other renderer of these reports returns text or says the same.
    for (const edited of [{ ...report, rows: [null] }, { ...report, rows: [{}] }, { ...report, rows: [{ ...report.rows[0], medianHours: 'a' }] }]) {
      for (const render of [...(['table', 'markdown', 'csv', 'html'] as const).map((format) => () => formatReport(cs(edited), format)), () => renderReportChart(cs(edited), 'hours')]) {
        try {
          expect(typeof render()).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(SlaclockError);
          expect((error as SlaclockError).code).toBe('invalid_input');
        }
      }
    }
  });

  it('a case reads its own fields only: an inherited property is not an unknown field', () => {
    const inherited = Object.assign(Object.create({ kind: 'ticket' }) as object, cases[0]);
    expect(compare(entries, [cs(inherited)]).cases).toBe(1);
  });

  it('cases and entries', () => {
    expect(problem(() => compare(entries, [{ ...cases[0], contrct: 'lapsed' } as SupportCase]))).toEqual([
      'invalid_input', ['cases', 0], 'Unknown field "contrct" (did you mean "contract"?) (at cases[0])',
    ]);
    expect(problem(() => compare(entries, [cs({ ...cases[0], severity: '1' })]))).toEqual([
      'invalid_input', ['cases', 0, 'severity'], 'Expected a severity level (a whole number), got string "1" (at cases[0].severity)',
    ]);
    expect(problem(() => compare(entries, [cs({ ...cases[0], contract: 'Active' })]))).toEqual([
      'invalid_input', ['cases', 0, 'contract'], 'Expected one of "active", "trial", "lapsed", "none", got "Active" (did you mean "active"?) (at cases[0].contract)',
    ]);
    expect(problem(() => compare([{ policy: 'jumpcloud', plan: 'standard', bsePlan: 'x' } as never], cases))).toEqual([
      'invalid_input', ['entries', 0], 'Unknown field "bsePlan" (did you mean "basePlan"?) (at entries[0])',
    ]);
    expect(problem(() => compare([{ policy: 'jumpcloud', plan: 'premum' }], cases))).toEqual([
      'unknown_plan', ['entries', 0, 'plan'], 'Expected one of "free", "jumpstart", "standard", "free-trial", "premium", got "premum" (did you mean "premium"?) (the plans of policy "jumpcloud") (at entries[0].plan)',
    ]);
  });
});
