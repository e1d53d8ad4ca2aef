import { describe, expect, it } from 'vitest';
import { renderDeadlineChart } from '../src/compare/chart.js';
import { roundTheClock, type PolicySpec } from '../src/index.js';
import { errorOf } from './support/errors.js';

/**
 * A small XML well-formedness check: one root element, every tag balanced and properly
 * nested, every attribute `name="value"` with no `<` or raw `&` in the value, and text
 * free of raw `&` (only the five predefined entities or numeric references).
 * Returns the element names in document order.
 */
function checkWellFormed(xml: string): string[] {
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const elements: string[] = [];
  let roots = 0;
  let position = 0;
  const tag = /<[^<>]*>/g;
  for (let match = tag.exec(body); match !== null; match = tag.exec(body)) {
    const text = body.slice(position, match.index);
    if (text.includes('>')) throw new Error(`stray ">" in text before ${match[0]}`);
    if (text.replace(entity, '').includes('&')) throw new Error(`raw "&" in text: ${text}`);
    if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root: ${text}`);
    position = match.index + match[0].length;
    const source = match[0];
    const closing = /^<\/([A-Za-z][\w:.-]*)\s*>$/.exec(source);
    if (closing) {
      const open = stack.pop();
      if (open !== closing[1]) throw new Error(`</${closing[1]}> closes <${String(open)}>`);
      continue;
    }
    const opening = /^<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>$/.exec(source);
    if (!opening) throw new Error(`malformed tag: ${source}`);
    const attributes = [...(opening[2] as string).matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)];
    const names = attributes.map((attribute) => attribute[1]);
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in ${source}`);
    for (const attribute of attributes) {
      if ((attribute[2] as string).replace(entity, '').includes('&')) throw new Error(`raw "&" in attribute: ${source}`);
    }
    if (stack.length === 0) roots++;
    elements.push(opening[1] as string);
    if (opening[3] !== '/') stack.push(opening[1] as string);
  }
  if (body.slice(position).trim() !== '') throw new Error('text after the root');
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
  return elements;
}

describe('checkWellFormed (the test\'s own checker)', () => {
  it('accepts well-formed XML and rejects the usual mistakes', () => {
    expect(checkWellFormed('<?xml version="1.0"?>\n<a x="1"><b/><c>t &amp; u</c></a>')).toEqual(['a', 'b', 'c']);
    expect(() => checkWellFormed('<a><b></a></b>')).toThrow();
    expect(() => checkWellFormed('<a x=1></a>')).toThrow();
    expect(() => checkWellFormed('<a>AT&T</a>')).toThrow();
    expect(() => checkWellFormed('<a></a><b></b>')).toThrow();
    expect(() => checkWellFormed('<a>')).toThrow();
    expect(() => checkWellFormed('<a x="1" x="2"></a>')).toThrow();
  });
});

// The points of a series: `[x, y]` per vertex, one list per subpath (a gap starts a new one).
function seriesOf(svg: string, name: string): [number, number][][] {
  const match = new RegExp(`<path data-series="${name}"[^>]* d="([^"]*)"`).exec(svg);
  if (!match) throw new Error(`no series ${name}`);
  return (match[1] as string)
    .split('M')
    .filter((part) => part.trim() !== '')
    .map((part) => [...part.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((point) => [Number(point[1]), Number(point[2])] as [number, number]));
}

// Hours for a y pixel, read off two labelled y ticks (right-aligned labels left of the axis).
function hoursAt(svg: string, y: number): number {
  const ticks = [...svg.matchAll(/<text x="\d+(?:\.\d+)?" y="(-?[\d.]+)" text-anchor="end">([\d.]+)<\/text>/g)].map((tick) => ({ y: Number(tick[1]) - 4, hours: Number(tick[2]) }));
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  if (!a || !b || a === b) throw new Error('no y ticks');
  return a.hours + ((y - a.y) / (b.y - a.y)) * (b.hours - a.hours);
}

const entries = [
  { policy: 'jumpcloud', plan: 'standard' },
  { policy: 'jumpcloud', plan: 'premium' },
  { policy: 'jumpcloud', plan: 'free-trial' },
];

describe('renderDeadlineChart', () => {
  const svg = renderDeadlineChart(entries, { severity: 1, region: 'US-CO', weekOf: '2026-11-23' });

  it('is a well-formed SVG document with a title and a white background', () => {
    const elements = checkWellFormed(svg);
    expect(elements[0]).toBe('svg');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="960" height="540" viewBox="0 0 960 540"/);
    expect(elements).toContain('title');
    expect(svg).toContain('<title id="chart-title">Hours to first response, severity 1, US-CO, week of 2026-11-23</title>');
    expect(svg).toMatch(/<rect x="0" y="0" width="960" height="540" fill="#ffffff"\/>/);
  });

  it('draws one series per entry, each in the legend', () => {
    const series = [...svg.matchAll(/data-series="([^"]*)"/g)].map((match) => match[1]);
    expect(series).toEqual(['jumpcloud/standard', 'jumpcloud/premium', 'jumpcloud/free-trial']);
    expect(svg).toMatch(/<g class="legend"[\s\S]*>jumpcloud\/standard<[\s\S]*>jumpcloud\/premium<[\s\S]*>jumpcloud\/free-trial \(no deadline\)</);
  });

  it('has the axis titles and a Mon..Sun label per day', () => {
    expect(svg).toContain('>Opened (hour of week, America/Denver)</text>');
    expect(svg).toContain('>Hours to first response</text>');
    const days = [...svg.matchAll(/>(Mon|Tue|Wed|Thu|Fri|Sat|Sun)<\/text>/g)].map((match) => match[1]);
    expect(days).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('plots the hours to the deadline at each hour of the week', () => {
    // Hourly from Mon 00:00 to Sun 24:00: 169 openings, no gap for Standard and Premium.
    const standard = seriesOf(svg, 'jumpcloud/standard');
    const premium = seriesOf(svg, 'jumpcloud/premium');
    expect(standard.map((run) => run.length)).toEqual([169]);
    expect(premium.map((run) => run.length)).toEqual([169]);
    const points = standard[0] as [number, number][];
    // x: evenly spaced, from the y axis to the right edge.
    const first = points[0] as [number, number];
    const last = points[168] as [number, number];
    expect(first[0]).toBeLessThan(last[0]);
    // Standard, 4 business hours on Denver hours with Thanksgiving (Thu 26) closed:
    //   Mon 00:00 (index 0): Mon 09:00 + 4 h = 13:00: 13 h.
    //   Wed 15:00 (index 2 x 24 + 15 = 63): Fri 11:00: 44 h.
    //   Fri 16:00 (index 4 x 24 + 16 = 112): Mon 12:00: 68 h.
    //   Sat 12:00 (index 5 x 24 + 12 = 132): Mon 13:00: 49 h.
    const hours = (index: number) => hoursAt(svg, (points[index] as [number, number])[1]);
    expect(hours(0)).toBeCloseTo(13, 0);
    expect(hours(63)).toBeCloseTo(44, 0);
    expect(hours(112)).toBeCloseTo(68, 0);
    expect(hours(132)).toBeCloseTo(49, 0);
    // Premium: one elapsed hour everywhere.
    for (const [, y] of premium[0] as [number, number][]) expect(hoursAt(svg, y)).toBeCloseTo(1, 0);
  });

  it('leaves a gap where an entry has no deadline', () => {
    // The free trial publishes no target: no point at all.
    expect(seriesOf(svg, 'jumpcloud/free-trial')).toEqual([]);
    // A policy whose plan "basic" (1 elapsed hour) is missing from a version in force
    // from Thu 2026-11-26 (UTC) and back from Sat 2026-11-28: openings Mon 00:00 - Wed 23:00
    // (72) and Sat 00:00 - Sun 24:00 (49) have a deadline, Thursday and Friday not.
    const clause = { source: 'test', text: 'One hour.' };
    const plan = (id: string) => ({ id, name: id, tier: 1, channels: ['email'], coverage: { default: 'round-the-clock' }, targets: { 1: { duration: 'PT1H', clause } }, clause });
    const version = (id: string, plans: string[], effectiveFrom?: string) => ({
      id,
      source: 'test',
      ...(effectiveFrom ? { effectiveFrom } : {}),
      severities: [{ level: 1, name: 'Urgent', definition: 'Down.' }],
      plans: plans.map(plan),
    });
    const policy: PolicySpec = { id: 'gappy', vendor: 'Test', name: 'Gappy', versions: [version('a', ['basic']), version('b', ['other'], '2026-11-26'), version('c', ['basic'], '2026-11-28')] };
    const chart = renderDeadlineChart([{ policy, plan: 'basic' }], { severity: 1, region: 'UTC', regions: { UTC: roundTheClock() }, weekOf: '2026-11-23' });
    checkWellFormed(chart);
    expect(seriesOf(chart, 'gappy/basic').map((run) => run.length)).toEqual([72, 49]);
    expect(chart).toContain('>Opened (hour of week, UTC)</text>');
  });

  it('samples every stepMinutes', () => {
    const chart = renderDeadlineChart([{ policy: 'jumpcloud', plan: 'premium' }], { severity: 2, stepMinutes: 30 });
    // 7 x 48 half hours, both ends included.
    expect(seriesOf(chart, 'jumpcloud/premium').map((run) => run.length)).toEqual([337]);
    expect(chart).toContain('week of 2026-11-16');
  });

  it('escapes text', () => {
    const chart = renderDeadlineChart([{ policy: 'jumpcloud', plan: 'premium' }], { severity: 1, title: 'A <b> & "c" \'d\'' });
    checkWellFormed(chart);
    expect(chart).toContain('<title id="chart-title">A &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</title>');
    expect(chart).not.toContain('<b>');
  });

  it('grows taller for a long legend and stays well-formed', () => {
    const many = ['standard', 'premium', 'free-trial'].flatMap((plan) => [{ policy: 'jumpcloud', plan }, { policy: 'jumpcloud', plan }, { policy: 'jumpcloud', plan }]);
    const chart = renderDeadlineChart(many, { severity: 3, region: 'AU-NSW' });
    checkWellFormed(chart);
    expect([...chart.matchAll(/data-series=/g)]).toHaveLength(9);
    const height = Number(/height="(\d+)"/.exec(chart)?.[1]);
    expect(height).toBeGreaterThan(540);
    expect(chart).toContain('(hour of week, Australia/Sydney)');
  });

  it('rejects bad options with paths', () => {
    const check = (action: () => unknown, code: string, path: (string | number)[]) => {
      const error = errorOf(action);
      expect([error.code, error.path]).toEqual([code, path]);
    };
    check(() => renderDeadlineChart(entries, { severity: 1, weekOf: '2026-11-17' }), 'invalid_option', ['weekOf']);
    check(() => renderDeadlineChart(entries, { severity: 1, weekOf: '2026-13-01' }), 'invalid_option', ['weekOf']);
    check(() => renderDeadlineChart(entries, { severity: 1, stepMinutes: 0 }), 'invalid_option', ['stepMinutes']);
    check(() => renderDeadlineChart(entries, { severity: 1.5 }), 'invalid_option', ['severity']);
    check(() => renderDeadlineChart(entries, { severity: 1, region: 'XX' }), 'unknown_region', ['region']);
    check(() => renderDeadlineChart([{ policy: 'jumpcloud', plan: 'gold' }], { severity: 1 }), 'unknown_plan', ['entries', 0, 'plan']);
  });
});
