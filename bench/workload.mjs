// Workload definition shared by the benchmark and the agreement check.
// Everything here is deterministic: the same seed always yields the same start instants.

import { spawnSync } from 'node:child_process';

export const TIMEZONE = 'America/Denver';

/**
 * Makes sure the process runs with TZ=`tz` (the peers and the naive interval list compute in the
 * process's local zone): if it does not, runs this same script again (same node flags, same args)
 * with TZ set and exits with the child's exit code.
 */
export function runUnderTimeZone(tz) {
  if (process.env.TZ === tz) return;
  if (process.env.SLACLOCK_BENCH_RESPAWNED) {
    console.error(`bench: TZ is still ${JSON.stringify(process.env.TZ)} after re-spawning; giving up.`);
    process.exit(1);
  }
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz, SLACLOCK_BENCH_RESPAWNED: '1' },
  });
  if (r.error) {
    console.error('bench: could not re-spawn node:', r.error);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

const DAY = [['09:00', '17:00']];

/** A fresh spec object every call (so nothing can cache on object identity). */
export function makeSpec() {
  return {
    timezone: TIMEZONE,
    week: { mon: [[...DAY[0]]], tue: [[...DAY[0]]], wed: [[...DAY[0]]], thu: [[...DAY[0]]], fri: [[...DAY[0]]] },
    holidays: [{ preset: 'us-federal' }],
  };
}

/**
 * Observed U.S. federal holidays (OPM rules: Saturday -> Friday, Sunday -> Monday) for 2026-2027.
 * Used to configure the peers when slaclock cannot tell us its own dates, and as a cross-check when it can.
 * 2027-12-31 is the observed New Year's Day 2028 (Jan 1 2028 is a Saturday).
 */
export const FALLBACK_HOLIDAYS = [
  '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03',
  '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
  '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05',
  '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31',
];

/** mulberry32: tiny 32-bit seeded PRNG, returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED = 0x5acc10c;
export const N_STARTS = 4096; // power of two: index wraps with `& (N_STARTS - 1)`

/**
 * 4096 start instants (epoch ms, minute grid) over Denver's calendar year 2026.
 * 7/8 are uniform random minutes (so roughly 3/4 of them fall in closed time: nights, weekends,
 * holidays); 1/8 are snapped exactly onto a local 09:00 opening or 17:00 closing, where
 * boundary conventions differ between libraries.
 * Requires the process to run with TZ=America/Denver (run.mjs guarantees it), because the snapped
 * instants are built with the local-time Date constructor.
 */
export function makeStarts(n = N_STARTS, seed = SEED) {
  const rnd = mulberry32(seed);
  const yearStart = Date.UTC(2026, 0, 1, 7, 0); // 2026-01-01T00:00-07:00
  const minutesInYear = 365 * 24 * 60;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (i % 8 === 7) {
      const day = Math.floor(r * 365);
      const hour = rnd() < 0.5 ? 9 : 17;
      out[i] = new Date(2026, 0, 1 + day, hour, 0, 0, 0).getTime();
    } else {
      out[i] = yearStart + Math.floor(r * minutesInYear) * 60_000;
    }
  }
  return out;
}

/**
 * Ask slaclock which Mon-Fri dates of 2026-2027 it treats as closed (via the public isOpen at local noon).
 * With a Mon-Fri 09:00-17:00 week, a closed weekday noon can only be a holiday.
 */
export function deriveHolidaysFromSlaclock(isOpen, cal) {
  const out = [];
  for (let d = new Date(2026, 0, 1, 12); d.getFullYear() <= 2027; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 12)) {
    const wd = d.getDay();
    if (wd === 0 || wd === 6) continue;
    if (!isOpen(cal, d.getTime())) {
      const y = d.getFullYear();
      const m = String(d.getMonth() + 1).padStart(2, '0');
      const dd = String(d.getDate()).padStart(2, '0');
      out.push(`${y}-${m}-${dd}`);
    }
  }
  return out;
}

const fmt = new Intl.DateTimeFormat('en-US', {
  timeZone: TIMEZONE,
  hourCycle: 'h23',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "Fri 2026-01-16T17:00:00-07:00": Denver wall time with its UTC offset (and weekday, to make reasons visible). */
export function isoDenver(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return String(ms);
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wallAsUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offMin = Math.round((wallAsUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offMin < 0 ? '-' : '+';
  const abs = Math.abs(offMin);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const frac = ms % 1000 ? '.' + String(((ms % 1000) + 1000) % 1000).padStart(3, '0') : '';
  return `${p.weekday} ${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${frac}${off}`;
}
