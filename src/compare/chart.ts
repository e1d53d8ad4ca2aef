import { Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import { snapshotOptions } from '../util/options.js';
import { messages } from '../util/issues.js';
import { MS_PER_DAY, MS_PER_MINUTE, parseDayKey, weekdayOfDays } from '../time/civil.js';
import { Zone } from '../zone/zone.js';
import { decide, prepareEntries, RegionCalendars, type CompareEntry } from './engine.js';
import { escapeXml } from './xml.js';

/**
 * Options of {@link renderDeadlineChart}.
 *
 * @example
 * ```ts
 * const options: DeadlineChartOptions = { severity: 1, region: 'GB', weekOf: '2026-12-21', stepMinutes: 30 };
 * ```
 */
export interface DeadlineChartOptions {
  /** The severity of the cases swept. */
  severity: number;
  /** The customer region (a key of `DEFAULT_REGIONS` or of `regions`): its zone is the x axis's, its calendar the request's. @default 'US-CO' */
  region?: string;
  /** The Monday (`'YYYY-MM-DD'`, local to the region) whose week is swept. @default '2026-11-16' */
  weekOf?: string;
  /** Minutes between two sampled opening times, 1 to 1440. @default 60 */
  stepMinutes?: number;
  /** The chart's title. @default 'Hours to first response, severity N, REGION, week of YYYY-MM-DD' */
  title?: string;
  /** Region calendars by code, added to (and overriding) `DEFAULT_REGIONS`. */
  regions?: Readonly<Record<string, CalendarSpec>>;
}

const CHART_OPTION_KEYS = ['severity', 'region', 'weekOf', 'stepMinutes', 'title', 'regions'] as const;
const WIDTH = 960;
const BASE_HEIGHT = 540;
const LEFT = 72;
const RIGHT = 24;
const TOP = 56;
const LEGEND_ROW = 20;
const LEGEND_COLUMN = 228;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const HOURS_PER_WEEK = 168;
// Tableau 10: distinct at a glance; past ten series the dash pattern changes as well.
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;
const DASHES = ['', '6 4', '2 3', '10 3 2 3'] as const;
// Y tick steps in hours: whole hours, then days, then weeks.
const Y_STEPS = [0.25, 0.5, 1, 2, 3, 4, 6, 12, 24, 48, 72, 96, 168, 336, 672, 1344] as const;

/**
 * Draws, as an SVG document, how long each entry gives to the first response depending
 * on when in the week a case is opened: for every `stepMinutes` of one week (Monday
 * 00:00 to Sunday 24:00, wall-clock in the region's zone) a case of `severity` is
 * evaluated as {@link compare} does, and the hours to its deadline are plotted.
 *
 * The x axis is the hour of the week of the opening (a tick and a label per day,
 * `Mon` to `Sun`); the y axis the wall-clock hours to the deadline. Each entry is one
 * `<path data-series="policy/plan">`, with a legend entry; where a case is not
 * eligible, has no published target or is not covered by the version in force, the
 * line has a gap. The document is 960 px wide and 540 px high (taller when the legend
 * needs more than two rows), on a white background, with a `<title>`.
 *
 * @throws {SlaclockError} `invalid_option` (severity, weekOf not a Monday, stepMinutes),
 *   `unknown_region`, `unknown_policy`, `unknown_plan`, any policy or calendar error.
 * @example
 * ```ts
 * import { renderDeadlineChart } from 'slaclock/compare';
 * const svg = renderDeadlineChart(
 *   [{ policy: 'jumpcloud', plan: 'standard' }, { policy: 'jumpcloud', plan: 'premium' }],
 *   { severity: 1, region: 'US-CO', weekOf: '2026-11-23' },
 * );
 * svg.startsWith('<?xml'); // true; write it to a .svg file
 * ```
 */
export function renderDeadlineChart(entries: readonly CompareEntry[], options: DeadlineChartOptions): string {
  options = snapshotOptions(options, CHART_OPTION_KEYS, Calendar.is);
  const { severity, region = 'US-CO', weekOf = '2026-11-16', stepMinutes = 60, title: givenTitle } = options;
  if (!Number.isSafeInteger(severity)) throw new SlaclockError('invalid_option', messages.expected('a severity level (a whole number)', severity), ['severity']);
  if (typeof region !== 'string') throw new SlaclockError('invalid_option', messages.expected('a region code such as "US-CO"', region), ['region']);
  const weekStart = typeof weekOf === 'string' ? parseDayKey(weekOf) : undefined;
  if (weekStart === undefined || weekdayOfDays(weekStart) !== 0) {
    throw new SlaclockError('invalid_option', messages.expected('a Monday as "YYYY-MM-DD"', weekOf), ['weekOf']);
  }
  if (!Number.isInteger(stepMinutes) || stepMinutes < 1 || stepMinutes > 1440) {
    throw new SlaclockError('invalid_option', messages.expected('a whole number of minutes from 1 to 1440', stepMinutes), ['stepMinutes']);
  }
  if (givenTitle !== undefined && typeof givenTitle !== 'string') throw new SlaclockError('invalid_option', messages.expected('a string', givenTitle), ['title']);
  const prepared = prepareEntries(entries);
  const calendar = new RegionCalendars(options.regions).get(region, ['region']);
  const zone = Zone.of(calendar.timezone);

  // Sample the week: x in hours of the week (wall clock), y in hours to the deadline or null.
  const samples: number[] = [];
  for (let minute = 0; minute <= HOURS_PER_WEEK * 60; minute += stepMinutes) samples.push(minute);
  const series = prepared.map((entry) =>
    samples.map((minute) => {
      const at = zone.wallToInstant(weekStart * MS_PER_DAY + minute * MS_PER_MINUTE);
      const outcome = decide(entry, severity, at, calendar);
      return outcome.kind === 'deadline' ? (outcome.deadlineMs - at) / 3_600_000 : null;
    }),
  );
  const maxHours = Math.max(0, ...series.flat().filter((value): value is number => value !== null));
  const yStep = Y_STEPS.find((step) => maxHours / step <= 8) ?? Math.ceil(maxHours / 8 / 168) * 168;
  const yTop = Math.max(yStep, Math.ceil(maxHours / yStep) * yStep);

  const labels = prepared.map((entry) => `${entry.policy.id}/${entry.planLabel}`);
  const legendLabels = labels.map((label, index) => ((series[index] as (number | null)[]).every((value) => value === null) ? `${label} (no deadline)` : label));
  // Columns as wide as the longest label (about 6.6 px a character at 12 px), so labels never overlap.
  const legendColumn = Math.max(LEGEND_COLUMN, 30 + Math.ceil(6.6 * Math.max(0, ...legendLabels.map((label) => label.length))) + 16);
  const columns = Math.max(1, Math.floor((WIDTH - LEFT - RIGHT) / legendColumn));
  const legendRows = Math.ceil(prepared.length / columns);
  const height = BASE_HEIGHT + Math.max(0, legendRows - 2) * LEGEND_ROW;
  const bottom = height - 78 - Math.max(2, legendRows) * LEGEND_ROW;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (hours: number) => LEFT + (hours / HOURS_PER_WEEK) * plotWidth;
  const y = (hours: number) => bottom - (hours / yTop) * (bottom - TOP);
  const title = givenTitle ?? `Hours to first response, severity ${severity}, ${region}, week of ${weekOf}`;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<title id="chart-title">${escapeXml(title)}</title>`);
  out.push(`<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold" fill="#222222">${escapeXml(title)}</text>`);

  // Grid and ticks.
  out.push('<g class="grid" stroke="#e3e3e3" stroke-width="1">');
  for (let value = 0; value <= yTop + 1e-9; value += yStep) out.push(`<line x1="${LEFT}" y1="${fmt(y(value))}" x2="${WIDTH - RIGHT}" y2="${fmt(y(value))}"/>`);
  for (let day = 0; day <= 7; day++) out.push(`<line x1="${fmt(x(day * 24))}" y1="${TOP}" x2="${fmt(x(day * 24))}" y2="${bottom}"/>`);
  out.push('</g>');
  out.push('<g class="axes" stroke="#333333" stroke-width="1">');
  out.push(`<line x1="${LEFT}" y1="${bottom}" x2="${WIDTH - RIGHT}" y2="${bottom}"/>`);
  out.push(`<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${bottom}"/>`);
  for (let hour = 0; hour <= HOURS_PER_WEEK; hour += 6) {
    const length = hour % 24 === 0 ? 6 : 3;
    out.push(`<line x1="${fmt(x(hour))}" y1="${bottom}" x2="${fmt(x(hour))}" y2="${bottom + length}"/>`);
  }
  for (let value = 0; value <= yTop + 1e-9; value += yStep) out.push(`<line x1="${LEFT - 5}" y1="${fmt(y(value))}" x2="${LEFT}" y2="${fmt(y(value))}"/>`);
  out.push('</g>');
  out.push('<g class="tick-labels" fill="#333333">');
  DAYS.forEach((day, index) => out.push(`<text x="${fmt(x(index * 24 + 12))}" y="${bottom + 20}" text-anchor="middle">${day}</text>`));
  for (let value = 0; value <= yTop + 1e-9; value += yStep) {
    out.push(`<text x="${LEFT - 8}" y="${fmt(y(value) + 4)}" text-anchor="end">${escapeXml(formatTick(value))}</text>`);
  }
  out.push('</g>');
  out.push(`<text class="axis-title" x="${fmt(LEFT + plotWidth / 2)}" y="${bottom + 42}" text-anchor="middle" fill="#222222">${escapeXml(`Opened (hour of week, ${zone.name})`)}</text>`);
  out.push(
    `<text class="axis-title" x="18" y="${fmt((TOP + bottom) / 2)}" text-anchor="middle" fill="#222222" transform="rotate(-90 18 ${fmt((TOP + bottom) / 2)})">Hours to first response</text>`,
  );
  if (maxHours === 0 && series.every((values) => values.every((value) => value === null))) {
    out.push(`<text x="${fmt(LEFT + plotWidth / 2)}" y="${fmt((TOP + bottom) / 2)}" text-anchor="middle" fill="#777777">No first-response deadline for these entries this week</text>`);
  }

  // Series: one path each, a new subpath after every gap.
  out.push('<g class="series" fill="none" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">');
  prepared.forEach((_entry, index) => {
    const values = series[index] as (number | null)[];
    const parts: string[] = [];
    let open = false;
    values.forEach((value, sample) => {
      if (value === null) { open = false; return; }
      const point = `${fmt(x((samples[sample] as number) / 60))} ${fmt(y(value))}`;
      const next = values[sample + 1];
      if (!open) parts.push(`M${point}${next === null || next === undefined ? ' h0' : ''}`);
      else parts.push(`L${point}`);
      open = true;
    });
    out.push(`<path data-series="${escapeXml(labels[index] as string)}" stroke="${COLORS[index % COLORS.length]}"${dashOf(index)} d="${parts.join(' ')}"/>`);
  });
  out.push('</g>');

  // Legend, below the x axis title.
  out.push('<g class="legend" fill="#222222">');
  legendLabels.forEach((label, index) => {
    const left = LEFT + (index % columns) * legendColumn;
    const top = bottom + 60 + Math.floor(index / columns) * LEGEND_ROW;
    out.push(`<line x1="${left}" y1="${top}" x2="${left + 24}" y2="${top}" stroke="${COLORS[index % COLORS.length]}" stroke-width="3"${dashOf(index)}/>`);
    out.push(`<text x="${left + 30}" y="${top + 4}">${escapeXml(label)}</text>`);
  });
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function dashOf(index: number): string {
  const dash = DASHES[Math.floor(index / COLORS.length) % DASHES.length] as string;
  return dash === '' ? '' : ` stroke-dasharray="${dash}"`;
}

function fmt(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function formatTick(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(2).replace(/0$/, '');
}

