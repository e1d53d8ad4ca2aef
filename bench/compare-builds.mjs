#!/usr/bin/env node
// evaluate throughput of two builds in one process, interleaved, as a ratio: a machine
// shared with other work slows both alike. Usage:
//   node bench/compare-builds.mjs <base dist dir> [<head dist dir>, default ./dist]
// e.g. build main into /tmp/base-dist, `npm run build` here, then compare.
// Measures only; asserts nothing.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [baseDir, headDir = 'dist'] = process.argv.slice(2);
if (!baseDir) {
  console.error('usage: node bench/compare-builds.mjs <base dist dir> [<head dist dir>]');
  process.exit(1);
}
const load = (dir) => import(pathToFileURL(resolve(dir, 'index.js')).href);
const [base, head] = await Promise.all([load(baseDir), load(headDir)]);
const starts = Array.from({ length: 1024 }, (_, i) => Date.UTC(2026, 0, 5) + i * 7_919_000);
const CALLS = 100_000;
const ROUNDS = 10;

// Each build gets its own loop in every round, compiled from source (new Function), so no
// call site sees both builds' objects.
function loop(sc, customerClock) {
  const policy = sc.compilePolicy(sc.getPolicy(customerClock ? 'one-identity' : 'jumpcloud'));
  const calendar = sc.compileCalendar(sc.weekdayHours('America/Denver', '09:00', '17:00'));
  const account = { contract: 'active', role: 'administrator' };
  const request = customerClock ? '{ plan: "standard", severity: 2, at, calendar, account }' : '{ plan: "standard", severity: 1, at, account }';
  return new Function('sc', 'policy', 'calendar', 'account', 'starts', 'CALLS', `return () => {
    let sink = 0;
    for (let k = 0; k < CALLS; k++) {
      const at = starts[k & 1023];
      sink += sc.evaluate(policy, ${request}).firstResponse.deadlineMs;
    }
    return sink;
  };`)(sc, policy, calendar, account, starts, CALLS);
}

function rate(run) {
  const t0 = performance.now();
  if (run() === 0) console.log('');
  return (CALLS / (performance.now() - t0)) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (const [label, customerClock] of [['evaluate: jumpcloud standard sev 1', false], ['evaluate: one-identity standard sev 2 (customer clock)', true]]) {
  const b = [];
  const h = [];
  // Which build is set up and run first alternates: in an A/A run (a build against a copy
  // of itself) the one set up first in every round ran 10-20% faster.
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [[base, b], [head, h]] : [[head, h], [base, b]];
    for (const [sc, rates] of order) rates.push(rate(loop(sc, customerClock)));
  }
  const [mb, mh] = [median(b), median(h)];
  const paired = median(b.map((value, round) => h[round] / value));
  console.log(`${label}: base ${Math.round(mb).toLocaleString('en')}/s, head ${Math.round(mh).toLocaleString('en')}/s, ratio ${(mh / mb).toFixed(2)} (median of per-round ratios ${paired.toFixed(2)})`);
}
