// In a real browser (headless Chromium): the HTML report renders, with nothing logged, and the
// built ESM entry computes a deadline in a page. Skipped, loudly, when no Chromium is installed.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, formatReport, parseCases, renderDeadlineChart, type CompareEntry } from '../src/compare/index.js';
import { findChromium, runChromium, serve } from './support/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = join(root, 'test-artifacts', 'browser');
const chromium = findChromium();
if (chromium === null) {
  console.warn('\n*** BROWSER TESTS SKIPPED: no Chromium found (apt-get install chromium; .ci/run installs it, or set CHROMIUM_PATH) ***\n');
}

const entries: CompareEntry[] = [
  { policy: 'jumpcloud', plan: 'standard' },
  { policy: 'jumpcloud', plan: 'premium' },
  { policy: 'one-identity', plan: 'premier', basePlan: '24x7' },
];
const cases = parseCases(readFileSync(join(root, 'test', 'fixtures', 'tickets', 'outcomes.csv'), 'utf8'), 'csv');
const report = formatReport(compare(entries, cases), 'html', { charts: [renderDeadlineChart(entries, { severity: 1 })] });

// Measures the report inside a same-origin iframe once it has loaded, and writes what it saw.
const HARNESS = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>harness</title></head><body>
<iframe id="report" src="/report.html" width="1280" height="2400" title="report"></iframe><pre id="result">pending</pre>
<script>
document.getElementById('report').addEventListener('load', (event) => {
  const doc = event.target.contentDocument;
  const box = (element) => { const r = element.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
  document.getElementById('result').textContent = JSON.stringify({
    rows: doc.querySelectorAll('tbody tr').length,
    table: box(doc.querySelector('table')),
    charts: [...doc.querySelectorAll('figure > svg')].map(box),
    bars: doc.querySelectorAll('rect[data-row]').length,
    series: doc.querySelectorAll('path[data-series]').length,
  });
});
</script></body></html>`;

// Imports the built ESM entry, as a site would, and computes the JumpCloud example's deadline.
const ESM_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>esm</title></head><body><pre id="result">pending</pre>
<script type="module">
import { evaluate, getPolicy, addBusinessTime, weekdayHours, compileCalendar } from '/dist/index.js';
const decision = evaluate(getPolicy('jumpcloud'), { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00' });
const calendar = compileCalendar(weekdayHours('Europe/Paris', '09:00', '17:00'));
document.getElementById('result').textContent = JSON.stringify({
  deadline: decision.firstResponse.deadline,
  added: addBusinessTime(calendar, '2026-11-27T16:00+01:00', { hours: 2 }).toISOString(),
  agent: navigator.userAgent.includes('Chrome'),
});
</script></body></html>`;

// slaclock/compare as a site's bundler ships it (esbuild, for the browser): date-holidays and
// papaparse included. Parses a CSV, compares, and formats, in the page.
const COMPARE_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>compare</title></head><body><pre id="result">pending</pre>
<script type="module">
import { compare, parseCases, formatReport } from '/bundle/compare.js';
const cases = parseCases('severity;at;region\\r\\n1;2026-11-25T15:00-07:00;US-CO\\r\\n1;2026-12-24T16:00Z;GB\\r\\n', 'csv');
const report = compare([{ policy: 'jumpcloud', plan: 'standard' }], cases);
document.getElementById('result').textContent = JSON.stringify({ hours: [report.rows[0].medianHours, report.rows[0].worstHours], csv: formatReport(report, 'csv').split('\\n')[0] });
</script></body></html>`;

function resultOf(dom: string): unknown {
  const match = /<pre id="result">([^<]*)<\/pre>/.exec(dom);
  const text = (match?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return text === 'pending' || text === '' ? null : JSON.parse(text);
}

describe.skipIf(chromium === null)('in headless Chromium', () => {
  let server: Server;
  let base = '';

  beforeAll(async () => {
    const { build } = await import('esbuild');
    const bundle = await build({ entryPoints: [join(root, 'dist', 'compare.js')], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error' });
    const compareBundle = bundle.outputFiles[0]?.text ?? '';
    ({ server, url: base } = await serve(root, { '/report.html': report, '/harness.html': HARNESS, '/esm.html': ESM_PAGE, '/compare.html': COMPARE_PAGE, '/bundle/compare.js': compareBundle }));
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(() => {
    server?.close();
  });

  it('renders the HTML report: the table and every chart have a size, and nothing is logged', async () => {
    const run = await runChromium(chromium as string, `${base}/harness.html`, ['--dump-dom']);
    expect(run.console).toEqual([]);
    const seen = resultOf(run.stdout) as { rows: number; table: number[]; charts: number[][]; bars: number; series: number };
    expect(seen.rows).toBe(3);
    expect(seen.table[0]).toBeGreaterThan(400);
    expect(seen.charts).toHaveLength(3);
    for (const [width, height] of seen.charts) {
      expect(width).toBeGreaterThan(400);
      expect(height).toBeGreaterThan(100);
    }
    expect(seen.bars).toBe(3 + 3); // the hours and attainment views, one bar per row each
    expect(seen.series).toBe(3);
  });

  it('keeps a screenshot of the report as a test artifact', async () => {
    const png = join(artifacts, 'report.png');
    const run = await runChromium(chromium as string, `${base}/report.html`, [`--screenshot=${png}`, '--window-size=1280,2400', '--hide-scrollbars']);
    expect(run.console).toEqual([]);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.readUInt32BE(16)).toBe(1280); // IHDR width
    expect(statSync(png).size).toBeGreaterThan(20_000); // a blank page compresses to a few KB
  });

  it('imports the built ESM entry in a page and computes a deadline', async () => {
    const run = await runChromium(chromium as string, `${base}/esm.html`, ['--dump-dom']);
    expect(run.console).toEqual([]);
    // JumpCloud Standard, Wed 15:00 MST: 2 h Wednesday, Thanksgiving closed, 2 h Friday -> Fri 11:00.
    // Paris Fri 16:00 + 2 business hours: 1 h to 17:00, Mon 09:00 + 1 h = Mon 10:00 CET = 09:00Z.
    expect(resultOf(run.stdout)).toEqual({ deadline: '2026-11-27T11:00:00.000-07:00', added: '2026-11-30T09:00:00.000Z', agent: true });
  });

  it('runs slaclock/compare, bundled for the browser, in a page: CSV in, report out', async () => {
    const run = await runChromium(chromium as string, `${base}/compare.html`, ['--dump-dom']);
    expect(run.console).toEqual([]);
    // JumpCloud Standard, 4 business hours on Denver hours with U.S. federal holidays (the customer's GB calendar
    // does not apply: the clock is JumpCloud's). Wed 2026-11-25 15:00 MST: 44 h (2 h Wed, Thanksgiving, 2 h Fri).
    // Thu 2026-12-24 16:00Z = 09:00 MST: Christmas Eve is a working day in Denver; 09:00 + 4 h = 13:00 MST: 4 h.
    // One row (both severity 1): hours [4, 44], median rank ceil(0.5 x 2) = 1 -> 4, worst 44.
    expect(resultOf(run.stdout)).toEqual({ hours: [4, 44], csv: 'vendor,policy,plan,severity,cases,with_target,median_hours,p90_hours,worst_hours,next_day_or_later_pct' });
  });
});
