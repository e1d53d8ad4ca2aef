// Outcomes from history: how often each commitment would have been met, on a ticket file kept in
// test/fixtures/tickets/outcomes.csv. Every expected figure below is computed by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare, formatReport, parseCases, renderReportChart } from '../src/compare/index.js';

const text = readFileSync(new URL('./fixtures/tickets/outcomes.csv', import.meta.url), 'utf8');
const H = 1; // hours
const MIN = 1 / 60;

// JumpCloud, severity 1, region US-CO (America/Denver, MST = UTC-7 in late November 2026).
// Standard: 4 business hours, Mon-Fri 09:00-17:00, U.S. federal holidays closed (Thu 26 Nov is
// Thanksgiving). Premium: 1 elapsed hour.
//
// ticket  opened (MST)         first reply (MST)     Standard deadline      Premium deadline
// T1      Mon 23 Nov 09:00     Mon 23 Nov 10:30      Mon 13:00 (4 h)        Mon 10:00
// T2      Wed 25 Nov 15:00     Fri 27 Nov 10:00      Fri 11:00 (44 h: 2 h Wed, Thu closed, 2 h Fri)   Wed 16:00
// T3      Fri 27 Nov 16:00     Fri 27 Nov 16:20      Mon 30 12:00 (68 h: 1 h Fri, 3 h Mon)            Fri 17:00
// T4      Tue 24 Nov 08:00     Tue 24 Nov 14:00      Tue 13:00 (5 h: the clock starts at 09:00)       Tue 09:00
//
// Margins (deadline - reply), hours:
//   Standard: T1 13:00-10:30 = +2.5; T2 11:00-10:00 = +1; T3 Mon 12:00 - Fri 16:20 = 68 - 20 min = +67h40m; T4 13:00-14:00 = -1.
//     sorted [-1, +1, +2.5, +67.67]; met 3 of 4 = 75%; median rank ceil(0.5 x 4) = 2 -> +1;
//     p90 margin = 10th percentile, rank ceil(0.1 x 4) = 1 -> -1. Worst first: T4, T2, T1, T3.
//   Premium: T1 10:00-10:30 = -0.5; T2 Wed 16:00 - Fri 10:00 = -42; T3 17:00-16:20 = +40 min; T4 09:00-14:00 = -5.
//     sorted [-42, -5, -0.5, +0.67]; met 1 of 4 = 25%; median rank 2 -> -5; p90 margin rank 1 -> -42. Worst: T2, T4, T1, T3.
// Hours to deadline: Standard [4, 44, 68, 5] sorted [4, 5, 44, 68]: median rank 2 -> 5, p90 rank ceil(3.6) = 4 -> 68;
//   next day or later: T2 and T3 of 4 = 50%. Premium: 1 h each, all the same day.
describe('outcomes from history (hand-computed golden file)', () => {
  const cases = parseCases(text, 'csv');
  const report = compare([{ policy: 'jumpcloud', plan: 'standard' }, { policy: 'jumpcloud', plan: 'premium' }], cases);
  const [standard, premium] = report.rows;

  it('reads the ids, openings and first replies', () => {
    expect(cases.map((supportCase) => supportCase.id)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(cases[1]?.firstReplyAt).toBe(Date.UTC(2026, 10, 27, 17)); // Fri 10:00 MST
  });

  it('reports Standard: 3 of 4 met, median margin +1 h, p90 margin -1 h', () => {
    expect([standard?.medianHours, standard?.p90Hours, standard?.worstHours, standard?.nextDayOrLaterShare]).toEqual([5 * H, 68 * H, 68 * H, 0.5]);
    expect(standard?.outcomes).toMatchObject({ tickets: 4, met: 3, metShare: 0.75, medianMarginHours: 1 * H, p90MarginHours: -1 * H });
    expect(standard?.outcomes?.worst.map((ticket) => ticket.id)).toEqual(['T4', 'T2', 'T1', 'T3']);
    expect(standard?.outcomes?.worst[3]?.marginHours).toBeCloseTo(68 - 20 * MIN, 9);
  });

  it('reports Premium: 1 of 4 met, median margin -5 h, p90 margin -42 h', () => {
    expect([premium?.medianHours, premium?.worstHours, premium?.nextDayOrLaterShare]).toEqual([1, 1, 0]);
    expect(premium?.outcomes).toMatchObject({ tickets: 4, met: 1, metShare: 0.25, medianMarginHours: -5, p90MarginHours: -42 });
    expect(premium?.outcomes?.worst.map((ticket) => [ticket.id, ticket.marginHours])).toEqual([
      ['T2', -42],
      ['T4', -5],
      ['T1', -0.5],
      ['T3', 40 * MIN],
    ]);
  });

  it('shows the outcome columns with their legend, and draws the attainment view', () => {
    const csv = formatReport(report, 'csv').split('\n');
    expect(csv[0]).toBe('vendor,policy,plan,severity,cases,with_target,median_hours,p90_hours,worst_hours,next_day_or_later_pct,tickets,met_pct,median_margin_hours,p90_margin_hours');
    expect(csv[1]).toBe('JumpCloud,jumpcloud,standard,1,4,4,5.0,68.0,68.0,50.0,4,75.0,1.0,-1.0');
    expect(csv[2]).toBe('JumpCloud,jumpcloud,premium,1,4,4,1.0,1.0,1.0,0.0,4,25.0,-5.0,-42.0');
    expect(report.legend.map((entry) => entry.column)).toEqual(expect.arrayContaining(['tickets', 'met', 'median margin h', 'p90 margin h']));
    // The text formats name the latest tickets: three per row, smallest margin first.
    const table = formatReport(report, 'table');
    expect(table).toContain('\nLatest first replies (deadline minus first reply, hours):\n  jumpcloud standard sev 1: T4 -1.0, T2 1.0, T1 2.5\n  jumpcloud premium sev 1: T2 -42.0, T4 -5.0, T1 -0.5\n');
    expect(formatReport(report, 'markdown')).toContain('\n- jumpcloud premium sev 1: T2 -42.0, T4 -5.0, T1 -0.5\n');
    const svg = renderReportChart(report, 'attainment');
    expect(svg).toContain('>75%<');
    expect(svg).toContain('>25%<');
  });

  it('judges eligibility from a contract column, and reports it only then', () => {
    const withContracts = parseCases(`${text.trimEnd()}\r\n`.replace('first_reply_at\r\n', 'first_reply_at,contract\r\n').replace(/(\r\n)(T\d[^\r]*)/g, (_, eol, line) => `${eol}${line},${line.startsWith('T4') ? 'lapsed' : 'active'}`), 'csv');
    expect(withContracts.map((supportCase) => supportCase.contract)).toEqual(['active', 'active', 'active', 'lapsed']);
    const [row] = compare([{ policy: 'jumpcloud', plan: 'standard' }], withContracts).rows;
    // T4's account is lapsed: not eligible, so 3 of 4 eligible and only T1-T3 have deadlines (margins +2.5, +1, +67.67: all met).
    expect(row).toMatchObject({ eligibleShare: 0.75, withTarget: 3 });
    expect(row?.outcomes).toMatchObject({ tickets: 3, met: 3, metShare: 1, medianMarginHours: 2.5 });
  });
});
