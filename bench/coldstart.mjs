#!/usr/bin/env node
// Cold start: what a serverless function pays on its first ticket. Each sample is a fresh
// `node` process that imports the library, makes its first compiled calendar and deadline,
// and (slaclock) decides its first request with a built-in policy. The peers do the same
// first deadline in the same run, so the ratios are comparable even on a noisy machine.
//
// Run: `npm run bench:cold` (builds dist/ first), or `node bench/coldstart.mjs [--runs N]`.
// Results are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 21;

// Each program prints {"import": ms, "first": ms, "evaluate"?: ms} measured with performance.now().
const DENVER = `{ timezone: 'America/Denver', week: { mon: [['09:00','17:00']], tue: [['09:00','17:00']], wed: [['09:00','17:00']], thu: [['09:00','17:00']], fri: [['09:00','17:00']] }, holidays: [{ preset: 'us-federal' }] }`;
const REQUEST = `{ plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00', account: { contract: 'active', role: 'administrator' } }`;
/**
 * One program as an ES module and as CommonJS: `program(load)` writes it, where `load('index')`
 * is the expression that loads dist/index.js or dist/index.cjs.
 */
const inBothModuleSystems = (names, program) => [
  { name: names.esm, type: 'module', code: program((file) => `await import('./dist/${file}.js')`) },
  { name: names.cjs, type: 'commonjs', code: program((file) => `require('./dist/${file}.cjs')`) },
];
const SCENARIOS = [
  ...inBothModuleSystems(
    { esm: 'slaclock (ESM import)', cjs: 'slaclock (CJS require)' },
    (load) => `let t = performance.now();
const s = ${load('index')};
const imported = performance.now() - t; t = performance.now();
s.addBusinessTime(s.compileCalendar(${DENVER}), '2026-11-25T15:00-07:00', { hours: 4 });
const first = performance.now() - t; t = performance.now();
s.evaluate(s.getPolicy('jumpcloud'), ${REQUEST});
console.log(JSON.stringify({ import: imported, first, evaluate: performance.now() - t }));`,
  ),
  ...inBothModuleSystems(
    { esm: 'slaclock + slaclock/regions (DE-BY)', cjs: 'slaclock/regions (CJS require, DE-BY)' },
    (load) => `let t = performance.now();
const s = ${load('index')};
const { holidayRegions } = ${load('regions')};
const imported = performance.now() - t; t = performance.now();
const munich = s.compileCalendar(s.weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY' }]), { holidayRegions });
s.addBusinessTime(munich, '2026-12-24T16:00+01:00', { hours: 2 });
console.log(JSON.stringify({ import: imported, first: performance.now() - t }));`,
  ),
  {
    // What slaclock/regions cannot go below: date-holidays itself, one region's year.
    name: 'date-holidays alone (DE-BY 2026)',
    type: 'commonjs',
    code: `let t = performance.now();
const Holidays = require('date-holidays');
const imported = performance.now() - t; t = performance.now();
new Holidays('DE', 'BY', { timezone: 'UTC' }).getHolidays(2026);
console.log(JSON.stringify({ import: imported, first: performance.now() - t }));`,
  },
  {
    // Its rule engine with moment-timezone, astronomia and the calendars, without the holiday data.
    name: 'date-holidays-parser alone (no data)',
    type: 'commonjs',
    code: `let t = performance.now();
require('date-holidays-parser');
console.log(JSON.stringify({ import: performance.now() - t, first: 0 }));`,
  },
  {
    name: 'moment-business-time',
    type: 'commonjs',
    code: `let t = performance.now();
const moment = require('moment-business-time');
const imported = performance.now() - t; t = performance.now();
const open = ['09:00:00', '17:00:00'];
moment.updateLocale('en', { workinghours: { 0: null, 1: open, 2: open, 3: open, 4: open, 5: open, 6: null }, holidays: ['2026-11-26', '2026-12-25'] });
moment('2026-11-25T15:00:00-07:00').addWorkingTime(4, 'hours').toDate();
console.log(JSON.stringify({ import: imported, first: performance.now() - t }));`,
  },
  {
    name: 'dayjs-business-time',
    type: 'commonjs',
    code: `let t = performance.now();
const dayjs = require('dayjs');
dayjs.extend(require('dayjs-business-time'));
const imported = performance.now() - t; t = performance.now();
const day = () => [{ start: '09:00:00', end: '17:00:00' }];
dayjs.setBusinessTime({ sunday: null, monday: day(), tuesday: day(), wednesday: day(), thursday: day(), friday: day(), saturday: null });
dayjs.setHolidays(['2026-11-26', '2026-12-25']);
dayjs('2026-11-25T15:00:00-07:00').addBusinessHours(4).toDate();
console.log(JSON.stringify({ import: imported, first: performance.now() - t }));`,
  },
  { name: 'node, empty program (baseline)', type: 'commonjs', code: `console.log(JSON.stringify({ import: 0, first: 0 }));` },
];

/** One fresh process: in-process timings plus the process's wall time seen from here. */
function sample(scenario) {
  const args = scenario.type === 'module' ? ['--input-type=module', '-e', scenario.code] : ['-e', scenario.code];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'America/Denver' } });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${scenario.name} failed:\n${result.stderr}`);
  return { ...JSON.parse(result.stdout), wall };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => (value === undefined ? '-' : value.toFixed(1));

if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('bench: dist/ is missing; run `npm run bench:cold` (it builds first).');
  process.exit(2);
}

console.log(`cold start, ${RUNS} fresh processes per library, interleaved; node ${process.version}, ${cpus()[0]?.model ?? '?'}`);
const samples = new Map(SCENARIOS.map((scenario) => [scenario.name, []]));
for (let run = 0; run < RUNS; run++) {
  // Interleaved, so drift in machine load touches every library alike.
  for (const scenario of SCENARIOS) samples.get(scenario.name).push(sample(scenario));
}

const rows = SCENARIOS.map(({ name }) => {
  const list = samples.get(name);
  const evaluateTimes = list.map((s) => s.evaluate).filter((value) => value !== undefined);
  return {
    name,
    import: median(list.map((s) => s.import)),
    first: median(list.map((s) => s.first)),
    evaluate: evaluateTimes.length > 0 ? median(evaluateTimes) : undefined,
    wall: median(list.map((s) => s.wall)),
  };
});
const baseline = rows.find((row) => row.name.startsWith('node, empty'));
const moment = rows.find((row) => row.name === 'moment-business-time');
console.log('');
console.log('| library | import (ms) | first calendar + deadline (ms) | first evaluate (ms) | process wall (ms) | wall over empty node (ms) | import + first deadline vs moment-business-time |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const own = row.import + row.first;
  const ratio = row === baseline ? '-' : `${(own / (moment.import + moment.first)).toFixed(2)}x`;
  console.log(`| ${row.name} | ${ms(row.import)} | ${ms(row.first)} | ${ms(row.evaluate)} | ${ms(row.wall)} | ${row === baseline ? '-' : ms(row.wall - baseline.wall)} | ${ratio} |`);
}
console.log('\nMedians. "first evaluate" includes compiling the built-in policy on first use.');
