#!/usr/bin/env node
// slaclock benchmark: slaclock vs moment-business-time vs dayjs-business-time.
// Run with `npm run bench` (builds dist/ first). Flags: --quick (short time budget), --peers-only.
// Env: BENCH_TIME_MS (measuring time per task, default 2000), BENCH_WARMUP_MS (default 400).
// Results are measured on this machine and printed; nothing here asserts a speed or an answer.
import { fileURLToPath } from 'node:url';
import { runUnderTimeZone } from './workload.mjs';

const TZ = 'America/Denver';

// Both peers compute in the process's local time zone, so the whole run happens under TZ=America/Denver.
runUnderTimeZone(TZ);

await main();

async function main() {
  const t0 = performance.now();
  const os = await import('node:os');
  const { readFileSync } = await import('node:fs');
  const { Bench } = await import('tinybench');
  const W = await import('./workload.mjs');
  const { loadPeers } = await import('./peers.mjs');
  const { makeReference } = await import('./reference.mjs');

  const args = new Set(process.argv.slice(2));
  const quick = args.has('--quick');
  const peersOnly = args.has('--peers-only');
  const timeMs = Number(process.env.BENCH_TIME_MS ?? (quick ? 300 : 2000));
  const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? (quick ? 100 : 400));

  const resolvedTz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (resolvedTz !== TZ) {
    console.error(`bench: the process time zone resolves to ${resolvedTz}, expected ${TZ}; the peers would be wrong.`);
    process.exit(1);
  }

  const rootUrl = new URL('../', import.meta.url);
  const pkgVersion = (p) => {
    try {
      return JSON.parse(readFileSync(fileURLToPath(new URL(p, rootUrl)), 'utf8')).version;
    } catch {
      return '?';
    }
  };

  // ---- slaclock (from the build output) ----
  let sc = null;
  let scError = null;
  if (!peersOnly) {
    try {
      sc = await import(new URL('dist/index.js', rootUrl).href);
      for (const fn of ['compileCalendar', 'addBusinessTime', 'businessTimeBetween', 'isOpen']) {
        if (typeof sc[fn] !== 'function') throw new Error(`dist/index.js does not export ${fn}()`);
      }
    } catch (e) {
      scError = e;
      sc = null;
    }
  }

  // ---- header ----
  const cpus = os.cpus();
  console.log('slaclock benchmark');
  console.log(`  node ${process.version} (${process.platform}-${process.arch}), V8 ${process.versions.v8}`);
  console.log(`  CPU: ${cpus[0]?.model ?? 'unknown'} (${cpus.length} logical cores reported)`);
  console.log(`  TZ=${process.env.TZ}; tinybench ${pkgVersion('node_modules/tinybench/package.json')}; ` +
    `time ${timeMs} ms + warmup ${warmupMs} ms per task${quick ? ' (--quick)' : ''}`);
  console.log(`  slaclock ${pkgVersion('package.json')} (dist/index.js), moment ${pkgVersion('node_modules/moment/package.json')} + ` +
    `moment-business-time ${pkgVersion('node_modules/moment-business-time/package.json')}, dayjs ` +
    `${pkgVersion('node_modules/dayjs/package.json')} + dayjs-business-time ${pkgVersion('node_modules/dayjs-business-time/package.json')}`);
  if (!sc) {
    console.log(peersOnly
      ? '  slaclock: skipped (--peers-only)'
      : `  slaclock: NOT AVAILABLE (${scError?.message ?? scError}); measuring the peers only. Run \`npm run build\` first.`);
  }

  // ---- workload ----
  const starts = W.makeStarts();
  const N = starts.length;
  const MASK = N - 1;
  const THIRTY_DAYS = 30 * 86_400_000;
  const ends = starts.map((a) => a + THIRTY_DAYS);
  const H8 = { hours: 8 };
  const H_YEAR = { hours: 8 * 250 };

  let cal = null;
  let holidays = W.FALLBACK_HOLIDAYS;
  let holidayNote = 'hard-coded observed U.S. federal list (slaclock not loaded)';
  if (sc) {
    cal = sc.compileCalendar(W.makeSpec());
    // What the compiled calendar actually closes: weekdays whose local noon is not open.
    const viaIsOpen = W.deriveHolidaysFromSlaclock(sc.isOpen, cal);
    const diffLists = (a, b) => {
      const missing = b.filter((d) => !a.includes(d));
      const extra = a.filter((d) => !b.includes(d));
      return missing.length || extra.length ? `missing [${missing.join(', ')}], extra [${extra.join(', ')}]` : '';
    };
    const notes = [];
    if (typeof sc.usFederalHolidays === 'function') {
      // usFederalHolidays(year) -> [{ date, name }]; observed dates can spill into the previous year (2027-12-31).
      holidays = [2026, 2027, 2028]
        .flatMap((y) => sc.usFederalHolidays(y).map((h) => h.date))
        .filter((d) => d >= '2026-01-01' && d <= '2027-12-31')
        .sort();
      holidays = [...new Set(holidays)];
      notes.push('from slaclock usFederalHolidays(2026..2028)');
      const vsCal = diffLists(holidays, viaIsOpen);
      notes.push(vsCal ? `DIFFERS from the compiled calendar's closed weekdays (isOpen at noon): ${vsCal}` : 'same as the compiled calendar closes (isOpen at weekday noon)');
    } else {
      holidays = viaIsOpen;
      notes.push('from the compiled calendar (weekdays whose local noon is not open)');
    }
    const vsOpm = diffLists(holidays, W.FALLBACK_HOLIDAYS);
    notes.push(vsOpm ? `DIFFERS from the hard-coded OPM observed list: ${vsOpm}` : 'same as the hard-coded OPM observed list');
    holidayNote = notes.join('; ');
  }
  const peers = loadPeers(holidays);

  console.log('');
  console.log('Workload');
  console.log(`  calendar: ${TZ}, Mon-Fri 09:00-17:00, holidays [{ preset: 'us-federal' }], compiled once with compileCalendar`);
  console.log(`  peer holidays (${holidays.length} dates, 2026-2027): ${holidayNote}`);
  const snapped = starts.filter((_, i) => i % 8 === 7).length;
  let openShare = '';
  if (sc) {
    const nOpen = starts.reduce((n, t) => n + (sc.isOpen(cal, t) ? 1 : 0), 0);
    openShare = `, ${nOpen} of them in open time per slaclock`;
  }
  console.log(`  starts: ${N} epoch-ms instants over 2026 (mulberry32 seed 0x${W.SEED.toString(16)}, minute grid; ` +
    `${snapped} snapped onto a 09:00 or 17:00 boundary${openShare})`);
  console.log(`  between: [start, start + 30 days); each benchmark call processes a batch of starts (ops/s counts single operations)`);

  // ---- benchmarks ----
  const BATCH = 128; // amortises the timer and task-call overhead over many operations
  const PEER_BATCH = 8; // the peers take 0.1-5 ms per operation: a small batch still has negligible overhead
  let sink = 0; // consumed at the end so no result can be optimized away
  const rows = []; // { lib, workload, key, batch, task }
  const bench = new Bench({ time: timeMs, warmupTime: warmupMs, iterations: 16, warmupIterations: 4 });

  function add(lib, workload, key, batch, fn) {
    const name = `${lib} | ${workload}`;
    bench.add(name, fn);
    rows.push({ lib, workload, key, batch, name });
  }

  let cursor = 0;
  if (sc) {
    const { addBusinessTime, businessTimeBetween, compileCalendar } = sc;
    add('slaclock', 'add 8 h', 'add8', BATCH, () => {
      let i = cursor;
      let acc = 0; // a local sum: no heap-number store per operation
      for (let k = 0; k < BATCH; k++, i = (i + 1) & MASK) acc += addBusinessTime(cal, starts[i], H8).getTime();
      sink += acc;
      cursor = i;
    });
    add('slaclock', 'add 2000 h (~1 business year)', 'addYear', BATCH, () => {
      let i = cursor;
      let acc = 0; // a local sum: no heap-number store per operation
      for (let k = 0; k < BATCH; k++, i = (i + 1) & MASK) acc += addBusinessTime(cal, starts[i], H_YEAR).getTime();
      sink += acc;
      cursor = i;
    });
    add('slaclock', 'between, 30-day span', 'between', BATCH, () => {
      let i = cursor;
      let acc = 0; // a local sum: no heap-number store per operation
      for (let k = 0; k < BATCH; k++, i = (i + 1) & MASK) acc += businessTimeBetween(cal, starts[i], ends[i]);
      sink += acc;
      cursor = i;
    });
    if (typeof sc.evaluate === 'function') {
      // A whole decision: version, eligibility, channels, scope, deadline and its ISO string.
      const jumpcloud = sc.compilePolicy(sc.getPolicy('jumpcloud'));
      const oneIdentity = sc.compilePolicy(sc.getPolicy('one-identity'));
      const customer = compileCalendar(W.makeSpec());
      const account = { contract: 'active', role: 'administrator' };
      add('slaclock', 'evaluate: jumpcloud standard sev 1', 'evaluate', BATCH, () => {
        let i = cursor;
        let acc = 0;
        for (let k = 0; k < BATCH; k++, i = (i + 1) & MASK) acc += sc.evaluate(jumpcloud, { plan: 'standard', severity: 1, at: starts[i], account }).firstResponse.deadlineMs;
        sink += acc;
        cursor = i;
      });
      add('slaclock', 'evaluate: one-identity standard sev 2 (customer clock)', 'evaluateCustomer', BATCH, () => {
        let i = cursor;
        let acc = 0;
        for (let k = 0; k < BATCH; k++, i = (i + 1) & MASK) acc += sc.evaluate(oneIdentity, { plan: 'standard', severity: 2, at: starts[i], calendar: customer, account }).firstResponse.deadlineMs;
        sink += acc;
        cursor = i;
      });
    }
    let coldCompiles = 0;
    add('slaclock', 'compileCalendar cold + first add 2000 h', 'compile', 1, () => {
      // A name no earlier spec had: the spec cache must not answer a cold compile.
      const fresh = compileCalendar({ ...W.makeSpec(), name: `cold ${++coldCompiles}` });
      sink += addBusinessTime(fresh, starts[cursor], H_YEAR).getTime();
      cursor = (cursor + 1) & MASK;
    });
  }
  for (const p of [peers.moment, peers.dayjs]) {
    const { add8h, between } = p;
    add(p.name, 'add 8 h', 'add8', PEER_BATCH, () => {
      let i = cursor;
      let acc = 0; // a local sum: no heap-number store per operation
      for (let k = 0; k < PEER_BATCH; k++, i = (i + 1) & MASK) acc += add8h(starts[i]);
      sink += acc;
      cursor = i;
    });
    add(p.name, 'between, 30-day span', 'between', PEER_BATCH, () => {
      let i = cursor;
      let acc = 0; // a local sum: no heap-number store per operation
      for (let k = 0; k < PEER_BATCH; k++, i = (i + 1) & MASK) acc += between(starts[i], ends[i]);
      sink += acc;
      cursor = i;
    });
  }

  console.log('');
  console.log(`Measuring ${rows.length} tasks...`);
  await bench.run();

  const measured = new Map();
  for (const row of rows) {
    const task = bench.getTask(row.name);
    const r = task?.result;
    if (!r || (r.state !== 'completed' && r.state !== 'aborted-with-statistics')) {
      measured.set(row.name, { error: r?.error?.message ?? r?.state ?? 'no result' });
      continue;
    }
    const opsPerSec = (row.batch * 1000) / r.period; // period = mean ms per task call
    measured.set(row.name, { opsPerSec, usPerOp: (r.period * 1000) / row.batch, rme: r.latency.rme, samples: r.latency.samplesCount });
  }

  const scOps = (key) => {
    const row = rows.find((x) => x.lib === 'slaclock' && x.key === key);
    return row ? measured.get(row.name)?.opsPerSec : undefined;
  };

  const table = [['library', 'workload', 'ops/s', '±rme', 'µs/op', 'slaclock ÷ peer']];
  for (const row of rows) {
    const m = measured.get(row.name);
    if (m.error) {
      table.push([row.lib, row.workload, 'ERROR', '', '', m.error]);
      continue;
    }
    let ratio = '';
    if (row.lib === 'slaclock') ratio = row.key === 'add8' || row.key === 'between' ? '1 (baseline)' : '—';
    else {
      const s = scOps(row.key);
      ratio = s ? `${fmtRatio(s / m.opsPerSec)}x` : 'n/a';
    }
    table.push([row.lib, row.workload, fmtInt(m.opsPerSec), `${m.rme.toFixed(1)}%`, fmtUs(m.usPerOp), ratio]);
  }
  console.log('');
  console.log('Throughput (higher is better; "slaclock ÷ peer" = slaclock ops/s / peer ops/s, i.e. "slaclock is N x faster")');
  printTable(table, [false, false, true, true, true, true]);

  // ---- agreement check (not timed) ----
  console.log('');
  console.log(`Agreement with slaclock (exact epoch-ms comparison; not part of the timing): 8-hour add over all ${N} starts, ` +
    `30-day between over the first ${Math.min(N, 1024)}`);
  const tc = performance.now();
  // The naive reference (bench/reference.mjs) is a third opinion for reading disagreements, not a timed peer.
  const peerList = [peers.moment, peers.dayjs, makeReference(holidays)];
  const call = (fn) => {
    try {
      return fn();
    } catch (e) {
      return { error: e?.message ?? String(e) };
    }
  };
  const key = (v) => (typeof v === 'number' ? v : NaN);
  if (!sc) {
    console.log('  skipped: slaclock is not available.');
  } else {
    const nearest = starts.map((t) => call(() => sc.addBusinessTime(cal, t, H8).getTime()));
    const farthest = starts.map((t) => call(() => sc.addBusinessTime(cal, t, H8, { landing: 'farthest' }).getTime()));
    // The peers' 30-day diffs cost ~1-3 ms each, so that part of the check uses the first N_BETWEEN starts only.
    const N_BETWEEN = Math.min(N, 1024);
    const scBetween = starts.slice(0, N_BETWEEN).map((t, i) => call(() => sc.businessTimeBetween(cal, t, ends[i])));
    const scErrors = [nearest, farthest, scBetween].flat().filter((v) => typeof v !== 'number').length;
    if (scErrors) console.log(`  note: ${scErrors} slaclock calls threw; e.g. ${JSON.stringify([nearest, farthest, scBetween].flat().find((v) => typeof v !== 'number'))}`);

    const agreeTable = [['compared with slaclock', 'add 8 h ≠ slaclock', "≠ slaclock landing:'farthest'", '≠ both', 'between ≠ slaclock', 'calls that threw']];
    const examples = [];
    for (const p of peerList) {
      let dNear = 0;
      let dFar = 0;
      let dBoth = 0;
      let dBetween = 0;
      let errors = 0;
      const ex = [];
      const exBetween = [];
      for (let i = 0; i < N; i++) {
        const got = call(() => p.add8h(starts[i]));
        if (typeof got !== 'number') errors++;
        const n = key(got) !== key(nearest[i]);
        const f = key(got) !== key(farthest[i]);
        if (n) dNear++;
        if (f) dFar++;
        if (n && f) dBoth++;
        if (n && ex.length < 3) ex.push({ start: starts[i], sc: nearest[i], far: farthest[i], peer: got });
      }
      for (let i = 0; i < N_BETWEEN; i++) {
        const gotB = call(() => p.between(starts[i], ends[i]));
        if (typeof gotB !== 'number') errors++;
        if (key(gotB) !== key(scBetween[i])) {
          dBetween++;
          if (exBetween.length < 3) exBetween.push({ start: starts[i], end: ends[i], sc: scBetween[i], peer: gotB });
        }
      }
      agreeTable.push([p.name, `${dNear} / ${N}`, `${dFar} / ${N}`, `${dBoth} / ${N}`, `${dBetween} / ${N_BETWEEN}`, String(errors)]);
      examples.push({ p, ex, exBetween });
    }
    printTable(agreeTable, [false, true, true, true, true, true]);

    const show = (v) => (typeof v === 'number' ? W.isoDenver(v) : `threw: ${v.error}`);
    const showH = (v) => (typeof v === 'number' ? `${(v / 3_600_000).toFixed(4).replace(/\.?0+$/, '')} h` : `threw: ${v.error}`);
    for (const { p, ex, exBetween } of examples) {
      console.log('');
      if (!ex.length && !exBetween.length) {
        console.log(`  ${p.name}: no differences.`);
        continue;
      }
      if (!ex.length) console.log(`  ${p.name}: no 8-hour-add differences.`);
      else {
        console.log(`  ${p.name}: first ${ex.length} 8-hour-add difference(s) (Denver wall time):`);
        for (const e of ex) {
          console.log(`    start ${W.isoDenver(e.start)}`);
          const w = Math.max(p.name.length, 19);
          console.log(`      ${'slaclock'.padEnd(w)} ${show(e.sc)}`);
          console.log(`      ${"slaclock 'farthest'".padEnd(w)} ${show(e.far)}`);
          console.log(`      ${p.name.padEnd(w)} ${show(e.peer)}`);
        }
      }
      if (exBetween.length) {
        console.log(`  ${p.name}: first ${exBetween.length} between difference(s):`);
        for (const e of exBetween) {
          console.log(`    [${W.isoDenver(e.start)}, ${W.isoDenver(e.end)}): slaclock ${showH(e.sc)}, ${p.name} ${showH(e.peer)}`);
        }
      }
    }
  }
  console.log('');
  console.log(`Agreement check took ${((performance.now() - tc) / 1000).toFixed(1)} s; total run ${((performance.now() - t0) / 1000).toFixed(1)} s. (sink ${sink % 7})`);
  if (!sc && !peersOnly) process.exitCode = 2;
}

function fmtInt(x) {
  return Math.round(x).toLocaleString('en-US');
}
function fmtUs(x) {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
function fmtRatio(x) {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
function printTable(rows, rightAlign) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => '  ' + r.map((v, c) => (rightAlign[c] ? String(v).padStart(widths[c]) : String(v).padEnd(widths[c]))).join('  ').trimEnd();
  console.log(line(rows[0]));
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}
