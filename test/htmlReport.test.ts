// The HTML report: one self-contained, valid page (html-validate's recommended rules).
import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { compare, formatReport, parseCases, renderDeadlineChart, type CompareEntry } from '../src/compare/index.js';

const cases = parseCases(readFileSync(new URL('./fixtures/tickets/outcomes.csv', import.meta.url), 'utf8'), 'csv');
const entries: CompareEntry[] = [
  { policy: 'jumpcloud', plan: 'standard' },
  { policy: 'one-identity', plan: 'premier', basePlan: '24x7' },
  { policy: 'sailpoint-identitynow', plan: 'standard' },
];
const html = formatReport(compare(entries, cases), 'html', { title: 'Vendors <on> "our" tickets', charts: [renderDeadlineChart(entries, { severity: 1 })] });

describe('formatReport(report, "html")', () => {
  it('is valid HTML', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('is self-contained: no script, no external resource', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=/i);
  });

  it('has the table, the legend, three inline charts, the assumptions and the interpretations', () => {
    expect(html.match(/<tr>/g)?.length).toBe(1 + 3); // header + one row per entry (all severity 1)
    expect(html).toContain('<h2>Legend</h2>');
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).toContain('premier (on 24x7)');
    expect(html).toContain('not defined by this policy');
    expect(html).toContain('<h2>Assumptions</h2>');
    expect(html).toMatch(/<li><strong>one-identity one-identity\.premier-base-plan<\/strong>: /);
    expect(html).toContain('<title>Vendors &lt;on&gt; &quot;our&quot; tickets</title>');
  });
});
