#!/usr/bin/env node
// evaluate throughput of two builds, as a ratio (a machine shared with other work slows both
// alike). Usage:
//   node bench/compare-builds.mjs <base dist dir> [<head dist dir>, default ./dist] [--processes N]
// e.g. build main into /tmp/base-dist, `npm run build` here, then compare.
//
// Default: both builds in one process, interleaved. Two builds in one process share a heap
// and a JIT, and an A/A run (a build against a copy of itself) reads 0.74-1.16 on a busy
// machine, so `--processes N` runs each build alone in a fresh process instead, N of each,
// alternating base and head, and prints the medians and the median of the pairs' ratios
// (same loop, same requests). Measures only; asserts nothing.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const positional = args.filter((arg, index) => !arg.startsWith('--') && !(index > 0 && args[index - 1].startsWith('--')));
const LINES = [
  ['evaluate: jumpcloud standard sev 1', false],
  ['evaluate: one-identity standard sev 2 (customer clock)', true],
];
const starts = Array.from({ length: 1024 }, (_, i) => Date.UTC(2026, 0, 5) + i * 7_919_000);
const CALLS = 100_000;
const ROUNDS = 10;
const load = (dir) => import(pathToFileURL(resolve(dir, 'index.js')).href);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

// Each build gets its own loop, compiled from source (new Function), so no call site sees
// both builds' objects.
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

const child = option('--child');
if (child !== undefined) {
  // One build alone: a warm-up round, then the median of ROUNDS rounds per line, as JSON.
  const sc = await load(child);
  const rates = LINES.map(([, customerClock]) => {
    const run = loop(sc, customerClock);
    rate(run);
    return median(Array.from({ length: ROUNDS }, () => rate(run)));
  });
  console.log(JSON.stringify(rates));
} else {
  const [baseDir, headDir = 'dist'] = positional;
  if (!baseDir) {
    console.error('usage: node bench/compare-builds.mjs <base dist dir> [<head dist dir>] [--processes N]');
    process.exit(1);
  }
  const processes = option('--processes');
  if (processes !== undefined) inProcesses(baseDir, headDir, Number(processes));
  else await inOneProcess(baseDir, headDir);
}

function inProcesses(baseDir, headDir, count) {
  const script = fileURLToPath(import.meta.url);
  const runOnce = (dir) => {
    const run = spawnSync(process.execPath, [script, '--child', dir], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`child for ${dir} failed: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop());
  };
  const b = [];
  const h = [];
  // Alternate which build runs first in each pair, as in the one-process mode.
  for (let pair = 0; pair < count; pair++) {
    if (pair % 2 === 0) {
      b.push(runOnce(baseDir));
      h.push(runOnce(headDir));
    } else {
      h.push(runOnce(headDir));
      b.push(runOnce(baseDir));
    }
  }
  console.log(`${count} fresh processes per build, alternating; each: a warm-up round, then the median of ${ROUNDS} rounds of ${CALLS.toLocaleString('en')} calls`);
  LINES.forEach(([label], line) => {
    const base = b.map((rates) => rates[line]);
    const head = h.map((rates) => rates[line]);
    const pairs = base.map((value, pair) => head[pair] / value).sort((x, y) => x - y);
    console.log(
      `${label}: base ${Math.round(median(base)).toLocaleString('en')}/s, head ${Math.round(median(head)).toLocaleString('en')}/s, ` +
        `ratio ${(median(head) / median(base)).toFixed(2)} (pairs: median ${median(pairs).toFixed(2)}, range ${pairs[0].toFixed(2)}-${pairs[pairs.length - 1].toFixed(2)})`,
    );
  });
}

async function inOneProcess(baseDir, headDir) {
  const [base, head] = await Promise.all([load(baseDir), load(headDir)]);
  for (const [label, customerClock] of LINES) {
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
}
