#!/usr/bin/env node
// What a spec passed uncompiled costs against its compiled form, in one process, as ratios
// (the machine is shared and noisy: only the ratios mean something). Usage, after `npm run build`:
//   node bench/specs.mjs [dist dir, default ./dist]
// Rows: a calendar spec given to addBusinessTime, a policy spec given to evaluate, a customer
// calendar spec in an evaluate request, each as a deep-frozen object, an unfrozen object seen
// before, and a new but equal object per call; then 1,000 distinct tenant calendar specs
// round-robin against one. Each figure is the median of 5 interleaved rounds. Measures only.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2] ?? 'dist';
const sc = await import(pathToFileURL(resolve(dir, 'index.js')).href);
const ROUNDS = 5;
const starts = Array.from({ length: 1024 }, (_, i) => Date.UTC(2026, 0, 5) + i * 7_919_000);
const deepFreeze = (value) => {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

/** Calls per second of `action(k)`, run for about `ms`. */
function rate(action, ms = 150) {
  let calls = 0;
  let sink = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let k = 0; k < 256; k++) sink += action(calls + k);
    calls += 256;
    elapsed = performance.now() - t0;
  }
  if (sink === 42) console.log('');
  return (calls / elapsed) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Runs the rows interleaved, ROUNDS times, and prints each row's median and its ratio to the first row of its group. */
function group(title, rows) {
  const results = rows.map(() => []);
  for (let round = 0; round < ROUNDS; round++) rows.forEach(([, action], index) => results[index].push(rate(action)));
  const base = median(results[0]);
  console.log(`\n${title}`);
  rows.forEach(([label], index) => {
    const m = median(results[index]);
    console.log(`  ${label.padEnd(52)} ${Math.round(m).toLocaleString('en-US').padStart(11)}/s  ${(base / m).toFixed(2)}x the time of the first row`);
  });
}

const denverSpec = () => sc.weekdayHours('America/Denver', '09:00', '17:00', [sc.US_FEDERAL_HOLIDAYS]);
const compiledCalendar = sc.compileCalendar(denverSpec());
const frozenCalendar = deepFreeze(denverSpec());
const unfrozenCalendar = denverSpec();
const eight = { hours: 8 };
const add = (calendar) => (k) => sc.addBusinessTime(calendar, starts[k & 1023], eight).getTime();
group('addBusinessTime, 8 hours, Denver weekdays with U.S. federal holidays', [
  ['compiled Calendar', add(compiledCalendar)],
  ['deep-frozen spec (same object)', add(frozenCalendar)],
  ['unfrozen spec (same object, checked each call)', add(unfrozenCalendar)],
  ['a new equal spec object per call (content key)', (k) => sc.addBusinessTime(structuredClone(unfrozenCalendar), starts[k & 1023], eight).getTime()],
  ['  of which making the object (structuredClone alone)', (k) => structuredClone(unfrozenCalendar).week.mon.length + k],
  ['compiled Calendar, again (noise check)', add(compiledCalendar)],
]);

const account = { contract: 'active', role: 'administrator' };
const jumpcloudSpec = () => structuredClone(sc.getPolicy('jumpcloud'));
const compiledPolicy = sc.compilePolicy(sc.getPolicy('jumpcloud'));
const frozenPolicy = deepFreeze(jumpcloudSpec());
const unfrozenPolicy = jumpcloudSpec();
const decide = (policy) => (k) => sc.evaluate(policy, { plan: 'standard', severity: 1, at: starts[k & 1023], account }).firstResponse.deadlineMs;
group('evaluate, JumpCloud Standard severity 1, the policy passed as', [
  ['compiled policy', decide(compiledPolicy)],
  ['built-in spec (getPolicy)', decide(sc.getPolicy('jumpcloud'))],
  ["caller's deep-frozen spec (same object)", decide(frozenPolicy)],
  ["caller's unfrozen spec (same object, checked each call)", decide(unfrozenPolicy)],
]);

const oneIdentity = sc.compilePolicy(sc.getPolicy('one-identity'));
const customer = (calendar) => (k) => sc.evaluate(oneIdentity, { plan: 'standard', severity: 2, at: starts[k & 1023], calendar, account }).firstResponse.deadlineMs;
group('evaluate, One Identity Standard severity 2, the customer calendar passed as', [
  ['compiled Calendar', customer(compiledCalendar)],
  ['deep-frozen spec (same object)', customer(frozenCalendar)],
  ['unfrozen spec (same object, checked each call)', customer(unfrozenCalendar)],
  ['a new equal spec object per call (content key)', (k) => customer(structuredClone(unfrozenCalendar))(k)],
]);

// Tenants: 1,000 distinct calendars (each its own zone offset of hours and holidays), passed
// as specs, round-robin; against a single spec. Each as the same objects every round (a
// service keeps its tenants' specs) and as new objects per call (read from a database).
const zones = ['America/Denver', 'Europe/Berlin', 'Asia/Tokyo', 'America/New_York', 'Australia/Sydney'];
const tenantSpec = (i) => sc.weekdayHours(zones[i % zones.length], `${String(7 + (i % 4)).padStart(2, '0')}:00`, `${String(15 + (i % 5)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, [{ date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, name: `tenant ${i}` }]);
const tenants = Array.from({ length: 1000 }, (_, i) => tenantSpec(i));
const frozenTenants = tenants.map((spec) => deepFreeze(structuredClone(spec)));
for (const spec of tenants) sc.addBusinessTime(spec, starts[0], eight); // first compile of each: not what is measured
for (const spec of frozenTenants) sc.addBusinessTime(spec, starts[0], eight);
group('addBusinessTime, 8 hours, tenant calendars passed as specs', [
  ['one tenant spec (unfrozen, same object)', add(tenants[0])],
  ['1,000 tenant specs round-robin (unfrozen, same objects)', (k) => sc.addBusinessTime(tenants[k % 1000], starts[k & 1023], eight).getTime()],
  ['1,000 tenant specs round-robin (deep-frozen, same objects)', (k) => sc.addBusinessTime(frozenTenants[k % 1000], starts[k & 1023], eight).getTime()],
  ['one tenant spec (a new equal object per call)', (k) => sc.addBusinessTime(structuredClone(tenants[0]), starts[k & 1023], eight).getTime()],
  ['1,000 tenant specs round-robin (new equal objects per call)', (k) => sc.addBusinessTime(structuredClone(tenants[k % 1000]), starts[k & 1023], eight).getTime()],
  ['1,000 compiled tenant Calendars round-robin', (() => {
    const compiled = tenants.map((spec) => sc.compileCalendar(spec));
    return (k) => sc.addBusinessTime(compiled[k % 1000], starts[k & 1023], eight).getTime();
  })()],
]);
