// The size budget: min+gzip bytes of each entry as a bundle carries it (bench/size.mjs),
// against bench/size-budget.json. `npm run size` prints the table the README shows.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error bench/size.mjs is plain JavaScript without declarations.
import { budgets, measureEntries, measureFromSource, SCENARIOS } from '../../bench/size.mjs';

interface Row {
  name: string;
  zod: boolean;
  minified: number;
  gzipped: number;
  packages: string[];
  /** Ids of the built-in policies whose spec the bundle holds. */
  policies: string[];
}

let rows: Row[] = [];
const limits = budgets() as Record<string, number>;

beforeAll(async () => {
  rows = (await measureEntries()) as Row[];
});

describe('bundle size', () => {
  it('measures every scenario that has a budget, and budgets every scenario', () => {
    expect(Object.keys(limits).sort()).toEqual((SCENARIOS as { name: string }[]).map((scenario) => scenario.name).sort());
  });

  it.each(Object.entries(limits))('%s stays within %i bytes min+gzip', (name, limit) => {
    const row = rows.find((candidate) => candidate.name === name);
    expect(row?.gzipped).toBeGreaterThan(0);
    expect(row?.gzipped).toBeLessThanOrEqual(limit);
  });

  it('the core entry carries no regional holiday data: it needs no package (zod is bundled into dist/)', () => {
    for (const name of ['slaclock', 'evaluate + getPolicy only', 'evaluate + jumpcloudPolicy only', 'addBusinessTime only']) {
      expect(rows.find((row) => row.name === name)?.packages, name).toEqual([]);
    }
    expect(rows.find((row) => row.name === 'slaclock/regions')?.packages).toContain('date-holidays');
  });

  it.each([
    ['addBusinessTime only', 'src/calendar/'],
    ['evaluate + getPolicy only', 'src/policy/'],
  ])('%s carries no zod: it validates with precompiled checks', async (name, folder) => {
    const { inputs } = (await measureFromSource(name)) as { inputs: { path: string; bytes: number }[] };
    expect(inputs.some((input) => input.path.startsWith(folder))).toBe(true);
    expect(inputs.filter((input) => input.path.includes('node_modules/')).map((input) => input.path)).toEqual([]);
    expect(inputs.map((input) => input.path)).not.toContain('src/policy/schema.ts');
    // And as the package ships it: dist/ bundles zod into chunks these must not need.
    expect(rows.find((row) => row.name === name)?.zod).toBe(false);
  });

  it('zod is found where it still is (policyJsonSchema), so the checks above can fail', () => {
    expect(rows.find((row) => row.name === 'slaclock')?.zod).toBe(true);
  });

  it('a built-in policy imported by name leaves the other four out; getPolicy carries all five', () => {
    expect(rows.find((row) => row.name === 'evaluate + jumpcloudPolicy only')?.policies).toEqual(['jumpcloud']);
    expect(rows.find((row) => row.name === 'evaluate + getPolicy only')?.policies).toHaveLength(5);
    expect(rows.find((row) => row.name === 'addBusinessTime only')?.policies).toEqual([]);
  });

  it('a bundle of addBusinessTime alone leaves the vendor catalog and the policy engine out', () => {
    const whole = rows.find((row) => row.name === 'slaclock')?.gzipped ?? 0;
    const calendarsOnly = rows.find((row) => row.name === 'addBusinessTime only')?.gzipped ?? Infinity;
    expect(calendarsOnly).toBeLessThan(whole / 2);
  });

  it('a bundle of addBusinessTime alone leaves out what only other operations use: ISO formatting and its tables, explanations', async () => {
    const { inputs } = (await measureFromSource('addBusinessTime only')) as { inputs: { path: string }[] };
    const files = inputs.map((input) => input.path);
    expect(files).toContain('src/calendar/timeline.ts');
    for (const file of ['src/time/wallIso.ts', 'src/zone/isoFormat.ts', 'src/calendar/closure.ts']) expect(files).not.toContain(file);
  });
});
