#!/usr/bin/env node
// compileCalendar and compilePolicy throughput of two builds in one process, interleaved, as
// a ratio (the machine is shared and noisy: only the ratio means something). Usage:
//   node bench/compile.mjs <base dist dir> [<head dist dir>, default ./dist]
// e.g. build the base commit into /tmp/base/dist, `npm run build` here, then compare.
// Every call compiles a spec not seen before (a distinct closed date, or a built-in policy
// copied under a distinct name), so each one is validated and compiled, never found in the
// spec cache: the cost a new tenant's calendar or a caller's own policy pays. A second row:
// a calendar spec rejected for a holiday region without a holiday source. Then the shape
// validation alone, from src/ (bundled here with esbuild): the precompiled checks against the
// zod schemas they replaced (test/support/zodCalendarSchemas.ts, zodPolicySchemas.ts), a
// valid spec and one with two problems. Measures only; asserts nothing.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [baseDir, headDir = 'dist'] = process.argv.slice(2);
if (!baseDir) {
  console.error('usage: node bench/compile.mjs <base dist dir> [<head dist dir>]');
  process.exit(1);
}
const load = (dir) => import(pathToFileURL(resolve(dir, 'index.js')).href);
const builds = { base: await load(baseDir), head: await load(headDir) };
const ROUNDS = 21;
const CALLS = 1500;
const week = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '12:00'], ['13:00', '17:00']], thu: [['22:00', '06:00']], fri: [['09:00', '17:00']] };

/** A distinct spec per call: its own closed date (the cache never has it). */
const spec = (k, bad) => ({
  timezone: 'America/Denver',
  week,
  holidays: [{ date: `20${String(10 + (k % 80)).padStart(2, '0')}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + ((k >> 4) % 28)).padStart(2, '0')}`, name: `Day ${k}` }, { region: 'US' }].slice(0, bad ? 2 : 1),
  name: `Tenant ${k}`,
});

let serial = 0;
function rate(sc, bad) {
  const t0 = performance.now();
  for (let k = 0; k < CALLS; k++) {
    const input = spec(serial++, bad);
    if (bad) {
      try {
        sc.compileCalendar(input);
      } catch (error) {
        if (error.code !== 'regions_not_loaded') throw error;
      }
    } else sc.compileCalendar(input);
  }
  return CALLS / ((performance.now() - t0) / 1000);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [label, bad] of [
  ['compileCalendar, a new valid spec per call', false],
  ['compileCalendar, a new spec with a holiday region and no holiday source (rejected) per call', true],
]) {
  const rates = { base: [], head: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? ['head', 'base'] : ['base', 'head']) rates[name].push(rate(builds[name], bad));
  }
  const base = median(rates.base);
  const head = median(rates.head);
  console.log(`${label}: base ${Math.round(base).toLocaleString('en-US')}/s, head ${Math.round(head).toLocaleString('en-US')}/s, head/base ${(head / base).toFixed(2)}x`);
}

/** A copy of each built-in policy per call, under a name of its own (made before the clock starts). */
function policyRate(sc) {
  const ids = sc.listPolicies().map((policy) => policy.id);
  const specs = Array.from({ length: POLICY_CALLS }, (_, k) => ({ ...JSON.parse(JSON.stringify(sc.getPolicy(ids[k % ids.length]))), name: `Tenant ${serial++}` }));
  const t0 = performance.now();
  for (const spec of specs) sc.compilePolicy(spec);
  return POLICY_CALLS / ((performance.now() - t0) / 1000);
}

const POLICY_CALLS = 100;
{
  const rates = { base: [], head: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? ['head', 'base'] : ['base', 'head']) rates[name].push(policyRate(builds[name]));
  }
  const base = median(rates.base);
  const head = median(rates.head);
  console.log(`compilePolicy, a new copy of a built-in policy per call (the five in turn): base ${Math.round(base).toLocaleString('en-US')}/s, head ${Math.round(head).toLocaleString('en-US')}/s, head/base ${(head / base).toFixed(2)}x`);
}

/** The validators from src/, bundled into a temporary module and imported. */
async function validators() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const contents = `export { zodSchemas } from './test/support/zodCalendarSchemas.ts';
export { zodPolicySchemas } from './test/support/zodPolicySchemas.ts';
export { weeklySpecShape } from './src/calendar/spec.ts';
export { policyShape } from './src/policy/shape.ts';
export { CATALOG } from './src/catalog/index.ts';
export { issuesOf } from './src/util/checks.ts';
export { safeParseWith } from './test/support/zodBridge.ts';`;
  const result = await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', define: { __SLACLOCK_ASSERT__: 'false' } });
  const dir = mkdtempSync(join(tmpdir(), 'slaclock-bench-'));
  try {
    writeFileSync(join(dir, 'validators.mjs'), result.outputFiles[0].contents);
    return await import(pathToFileURL(join(dir, 'validators.mjs')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function callsPerSecond(action, ms = 200) {
  const t0 = performance.now();
  let calls = 0;
  while (performance.now() - t0 < ms) {
    for (let k = 0; k < 10; k++) action();
    calls += 10;
  }
  return calls / ((performance.now() - t0) / 1000);
}

const { zodSchemas, zodPolicySchemas, weeklySpecShape, policyShape, CATALOG, issuesOf, safeParseWith } = await validators();
const hours = [['09:00', '17:00']];
const jumpcloud = JSON.parse(JSON.stringify(CATALOG[0]));
const brokenPolicy = JSON.parse(JSON.stringify(CATALOG[0]));
brokenPolicy.versions[0].plans[0].tier = '1';
brokenPolicy.versions[0].scope[0].when = { fact: 'product', equals: null };
for (const [label, input, zodSchema, shape] of [
  ['a valid weekly spec', { timezone: 'America/Denver', week: { ...week, sat: hours }, holidays: [{ date: '2026-12-25' }], name: 'Office' }, zodSchemas.weekly, weeklySpecShape],
  ['a weekly spec with two problems', { timezone: 'America/Denver', week: { ...week, mon: [['9:00', '17:00']] }, holidays: [], nme: 'Office' }, zodSchemas.weekly, weeklySpecShape],
  ['a valid policy (jumpcloud)', jumpcloud, zodPolicySchemas.policy, policyShape],
  ['a policy with two problems (a tier as a string, a condition of no form)', brokenPolicy, zodPolicySchemas.policy, policyShape],
]) {
  const rates = { zod: [], checks: [] };
  for (let round = 0; round < ROUNDS; round++) {
    rates.zod.push(callsPerSecond(() => safeParseWith(zodSchema, input, [])));
    rates.checks.push(callsPerSecond(() => issuesOf(shape, input, [])));
  }
  const zod = median(rates.zod);
  const checks = median(rates.checks);
  console.log(`shape validation, ${label}: zod ${Math.round(zod).toLocaleString('en-US')}/s, precompiled checks ${Math.round(checks).toLocaleString('en-US')}/s, ${(checks / zod).toFixed(1)}x`);
}
