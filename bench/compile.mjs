#!/usr/bin/env node
// compileCalendar throughput of two builds in one process, interleaved, as a ratio (the
// machine is shared and noisy: only the ratio means something). Usage:
//   node bench/compile.mjs <base dist dir> [<head dist dir>, default ./dist]
// e.g. build the base commit into /tmp/base/dist, `npm run build` here, then compare.
// Every call compiles a spec not seen before (a distinct closed date each), so each one is
// validated and compiled, never found in the spec cache: the cost a new tenant's calendar
// pays. A second row times the validation alone: a spec with one bad field per call.
// Measures only; asserts nothing.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [baseDir, headDir = 'dist'] = process.argv.slice(2);
if (!baseDir) {
  console.error('usage: node bench/compile.mjs <base dist dir> [<head dist dir>]');
  process.exit(1);
}
const load = (dir) => import(pathToFileURL(resolve(dir, 'index.js')).href);
const builds = { base: await load(baseDir), head: await load(headDir) };
const ROUNDS = 7;
const CALLS = 4000;
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
