#!/usr/bin/env node
// The fast path and the timelines at the limit (issue #11), as ratios measured in one process run.
//
//   node bench/fast.mjs [--base <dist dir>] [--quick]      (after `npm run build`; dist/ is the head build)
//
// 1. Throughput: addBusinessTimeMs / businessTimeBetweenMs and the Date functions against a
//    minimal hand-written table (Float64Array ranges, prefix sums, binary search) over the same
//    open intervals, interleaved in rounds; the median of the per-round ratios is printed, and
//    every answer is compared with the table's.
// 2. Timelines: the cost per built year of a 20-year span and of 1900 -> 2399, forwards and backwards.
// 3. Memory per calendar-year and the multi-tenant case (calendars spread over every IANA zone:
//    first use and RSS), each in a fresh child process, for the head build and for --base if given.
// Measures only; asserts nothing.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeStarts, makeSpec, runUnderTimeZone, TIMEZONE } from './workload.mjs';
import { openIntervals } from './reference.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const load = (dir) => import(pathToFileURL(resolve(dir, 'index.js')).href);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

if (option('--child-memory')) await childMemory(option('--child-memory'));
else if (option('--child-tenants')) await childTenants(option('--child-tenants'), Number(option('--count')));
else {
  // The minimal table is built with the local-time Date constructor, in Denver.
  runUnderTimeZone(TIMEZONE);
  await main();
}

async function main() {
  const quick = args.includes('--quick');
  const base = option('--base');
  const sc = await load('dist');
  console.log(`slaclock fast path and timelines: node ${process.version}, ${new Date().toISOString()}${quick ? ' (--quick)' : ''}`);
  throughput(sc, quick);
  if (args.includes('--throughput-only')) return;
  const builds = base ? [['base', base], ['head', 'dist']] : [['head', 'dist']];
  for (const [label, dir] of builds) timelines(label, await load(dir), quick);
  console.log('\nMemory per calendar-year (fresh process per build; 200 calendars, heap after gc, years 2-11 minus year 1)');
  for (const [label, dir] of builds) console.log(`  ${label}: ${child(['--child-memory', dir]).trim()}`);
  const count = quick ? 2000 : 10_000;
  console.log(`\nMulti-tenant: ${count.toLocaleString('en')} tenant calendars round-robin over every IANA zone, each compiled and used once (fresh process per build)`);
  for (const [label, dir] of builds) console.log(`  ${label}: ${child(['--child-tenants', dir, '--count', String(count)]).trim()}`);
}

function child(childArgs) {
  const run = spawnSync(process.execPath, ['--expose-gc', new URL(import.meta.url).pathname, ...childArgs], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout : `failed: ${run.stderr}`;
}

// ---- 1. throughput ----

function minimalTable(intervals) {
  const n = intervals.length;
  const S = new Float64Array(n);
  const E = new Float64Array(n);
  const C = new Float64Array(n);
  let total = 0;
  intervals.forEach(([s, e], i) => {
    S[i] = s;
    E[i] = e;
    C[i] = total += e - s;
  });
  // First index whose range ends after t.
  const locate = (t) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (E[mid] > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const cumAt = (t) => {
    const i = locate(t);
    const before = i === 0 ? 0 : C[i - 1];
    return t > S[i] ? before + (t - S[i]) : before;
  };
  return {
    add(t, d) {
      const target = cumAt(t) + d;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (C[mid] >= target) hi = mid;
        else lo = mid + 1;
      }
      return E[lo] - (C[lo] - target);
    },
    between: (a, b) => cumAt(b) - cumAt(a),
  };
}

function throughput(sc, quick) {
  // Two tenants with the same hours, alternating call by call, on both sides: a single table held
  // in a module constant lets V8 fold its arrays and size into the compiled loop, which no table
  // that grows or serves many calendars gets. That figure is printed too, for reference.
  const cals = [sc.compileCalendar({ ...makeSpec(), name: 'tenant A' }), sc.compileCalendar({ ...makeSpec(), name: 'tenant B' })];
  const cal = cals[0];
  const years = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031];
  const holidays = [...new Set(years.flatMap((y) => sc.usFederalHolidays(y).map((h) => h.date)))];
  const tables = [minimalTable(openIntervals(holidays)), minimalTable(openIntervals(holidays))];
  const table = tables[0];
  const starts = makeStarts();
  const N = starts.length;
  const ends = starts.map((t) => t + 30 * DAY);
  const H8 = 8 * HOUR;
  const HYEAR = 2000 * HOUR;

  // Agreement first (not timed): every start, both durations and the 30-day span.
  let differ = 0;
  let checks = 0;
  for (let i = 0; i < N; i++) {
    for (const d of [H8, HYEAR]) {
      const want = table.add(starts[i], d);
      checks += 3;
      if (sc.addBusinessTimeMs(cal, starts[i], d) !== want) differ++;
      if (sc.addBusinessTime(cal, starts[i], { milliseconds: d }).getTime() !== want) differ++;
      if (sc.subtractBusinessTimeMs(cal, want, d) !== sc.subtractBusinessTime(cal, want, { milliseconds: d }).getTime()) differ++;
    }
    const want = table.between(starts[i], ends[i]);
    checks += 3;
    if (sc.businessTimeBetweenMs(cal, starts[i], ends[i]) !== want) differ++;
    if (sc.businessTimeBetweenMs(cal, ends[i], starts[i]) !== -want) differ++;
    if (sc.businessTimeBetween(cal, starts[i], ends[i]) !== want) differ++;
  }
  console.log(`\nAgreement with the minimal table: ${differ} differences in ${checks.toLocaleString('en')} checks (${N} starts over 2026, Denver Mon-Fri 09-17, U.S. federal holidays)`);

  const BATCH = 256;
  const MASK = N - 1;
  let sink = 0;
  // Each task is compiled as its own function (new Function), so no call site inside a loop is
  // shared between tasks: a shared one would go megamorphic and slow every task alike.
  const env = { sc, cals, tables, table, starts, ends, H8, HYEAR, BATCH, MASK, state: { cursor: 0 } };
  const task = (op) =>
    new Function('env', `const { sc, cals, tables, table, starts, ends, H8, HYEAR, BATCH, MASK, state } = env;
      return () => {
        let acc = 0;
        for (let k = 0, i = state.cursor; k < BATCH; k++, i = (i + 1) & MASK) acc += ${op};
        state.cursor = (state.cursor + BATCH) & MASK;
        return acc;
      };`)(env);
  const tasks = {
    'minimal table, add 8 h': task('tables[i & 1].add(starts[i], H8)'),
    'addBusinessTimeMs, 8 h': task('sc.addBusinessTimeMs(cals[i & 1], starts[i], H8)'),
    'addBusinessTime (Date), 8 h': task('sc.addBusinessTime(cals[i & 1], starts[i], { hours: 8 }).getTime()'),
    'minimal table, add 2000 h': task('tables[i & 1].add(starts[i], HYEAR)'),
    'addBusinessTimeMs, 2000 h': task('sc.addBusinessTimeMs(cals[i & 1], starts[i], HYEAR)'),
    'addBusinessTime (Date), 2000 h': task('sc.addBusinessTime(cals[i & 1], starts[i], { hours: 2000 }).getTime()'),
    'minimal table, between 30 days': task('tables[i & 1].between(starts[i], ends[i])'),
    'businessTimeBetweenMs, 30 days': task('sc.businessTimeBetweenMs(cals[i & 1], starts[i], ends[i])'),
    'businessTimeBetween, 30 days': task('sc.businessTimeBetween(cals[i & 1], starts[i], ends[i])'),
    'single constant table, add 8 h': task('table.add(starts[i], H8)'),
    'single constant table, between 30 days': task('table.between(starts[i], ends[i])'),
  };
  const SLICE_MS = quick ? 60 : 250;
  const ROUNDS = quick ? 5 : 15;
  const rates = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]));
  for (let round = -1; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(tasks)) {
      let ops = 0;
      const t0 = performance.now();
      let elapsed = 0;
      do {
        sink += fn();
        ops += BATCH;
        elapsed = performance.now() - t0;
      } while (elapsed < SLICE_MS);
      if (round >= 0) rates[name].push((ops / elapsed) * 1000); // round -1 warms up
    }
  }
  const ratio = (a, b) => median(rates[a].map((x, r) => x / rates[b][r]));
  console.log(`\nThroughput (${ROUNDS} rounds of ${SLICE_MS} ms per task, interleaved; median ops/s, and the median of per-round ratios)`);
  const rows = [
    ['addBusinessTimeMs, 8 h', 'minimal table, add 8 h', '>= 0.9'],
    ['addBusinessTime (Date), 8 h', 'minimal table, add 8 h', '>= 0.3'],
    ['addBusinessTimeMs, 2000 h', 'minimal table, add 2000 h', ''],
    ['addBusinessTime (Date), 2000 h', 'minimal table, add 2000 h', ''],
    ['addBusinessTimeMs, 8 h', 'addBusinessTimeMs, 2000 h', '<= 1.25 (8 h over 2000 h time per op)'],
    ['addBusinessTime (Date), 8 h', 'addBusinessTime (Date), 2000 h', ''],
    ['businessTimeBetweenMs, 30 days', 'minimal table, between 30 days', '>= 0.9'],
    ['businessTimeBetween, 30 days', 'minimal table, between 30 days', '>= 0.9'],
    ['addBusinessTimeMs, 8 h', 'single constant table, add 8 h', ''],
    ['businessTimeBetweenMs, 30 days', 'single constant table, between 30 days', ''],
  ];
  for (const name of Object.keys(tasks)) console.log(`  ${name.padEnd(40)} ${Math.round(median(rates[name])).toLocaleString('en').padStart(12)} /s`);
  console.log('');
  for (const [a, b, target] of rows) console.log(`  ${a} / ${b}: ${ratio(a, b).toFixed(2)}x${target ? `  (target ${target})` : ''}`);
  if (sink === 0) console.log('');
}

// ---- 2. timelines ----

function timelines(label, sc, quick) {
  let serial = 0;
  const fresh = () => sc.compileCalendar({ ...makeSpec(), name: `timeline ${serial++}` });
  const yearMs = (year) => Date.UTC(year, 6, 1);
  // Warm the zone's offset tables and the holiday rules for every year first: only the timeline is measured.
  sc.businessTimeBetween(fresh(), yearMs(1900), yearMs(2399));
  const perYear = (first, last, backwards) => {
    const cal = fresh();
    const t0 = performance.now();
    if (backwards) {
      sc.isOpen(cal, yearMs(last));
      sc.isOpen(cal, yearMs(first));
    } else sc.businessTimeBetween(cal, yearMs(first), yearMs(last));
    return (performance.now() - t0) / (last - first + 1);
  };
  const runs = quick ? 5 : 15;
  console.log(`\nTimeline extension, ${label} build (fresh calendar each; median of ${runs}; per built year)`);
  const span20 = [];
  const span500 = [];
  const back20 = [];
  const back500 = [];
  for (let r = 0; r < runs; r++) {
    span20.push(perYear(2020, 2039, false));
    span500.push(perYear(1900, 2399, false));
    back20.push(perYear(2020, 2039, true));
    back500.push(perYear(1900, 2399, true));
  }
  const us = (ms) => `${(median(ms) * 1000).toFixed(0)} µs`;
  console.log(`  forwards:  20 years ${us(span20)}/year, 1900 -> 2399 ${us(span500)}/year: ${(median(span500) / median(span20)).toFixed(2)}x (target < 10x)`);
  console.log(`  backwards: 20 years ${us(back20)}/year, 2399 -> 1900 ${us(back500)}/year: ${(median(back500) / median(back20)).toFixed(2)}x`);
}

// ---- 3. children: memory and tenants ----

async function childMemory(dir) {
  const sc = await load(dir);
  const COUNT = 200;
  const YEARS = 10;
  const calendars = Array.from({ length: COUNT }, (_, i) => sc.compileCalendar({ ...makeSpec(), name: `memory ${i}` }));
  // Warm the zone and holiday tables for all years, so only the calendars' own tables grow.
  sc.businessTimeBetween(sc.compileCalendar({ ...makeSpec(), name: 'warm' }), Date.UTC(2026, 0, 2), Date.UTC(2026 + YEARS, 11, 30));
  for (const cal of calendars) sc.isOpen(cal, Date.UTC(2026, 6, 1));
  const heap = () => {
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  };
  const oneYear = heap();
  for (const cal of calendars) sc.isOpen(cal, Date.UTC(2026 + YEARS, 6, 1));
  const more = heap();
  const perYear = (more - oneYear) / (COUNT * YEARS);
  console.log(`${(perYear / 1024).toFixed(2)} KB per calendar-year (heap + array buffers), ${calendars.length} calendars kept`);
}

async function childTenants(dir, count) {
  const sc = await load(dir);
  const zones = Intl.supportedValuesOf('timeZone');
  const week = makeSpec().week;
  const tenants = [];
  const firstUse = [];
  const start = Date.UTC(2026, 10, 25, 18);
  let sink = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const cal = sc.compileCalendar({ timezone: zones[i % zones.length], week, holidays: [{ preset: 'us-federal' }], name: `tenant ${i}` });
    sink += sc.addBusinessTime(cal, start, { hours: 8 }).getTime();
    firstUse.push(performance.now() - t0);
    tenants.push(cal);
  }
  const after = firstUse.slice(zones.length);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  globalThis.gc();
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`first use (compile + first 8 h add) ${mean(after).toFixed(3)} ms mean after the first ${zones.length} tenants (one per zone: ${mean(firstUse.slice(0, zones.length)).toFixed(3)} ms); RSS ${rss.toFixed(0)} MB with ${tenants.length} calendars${sink === 0 ? '' : ''}`);
}
