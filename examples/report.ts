// The README's "main job": the built-in vendor policies side by side (first-response
// deadlines for the same tickets), then deadlines on the built-in calendars, and the
// timeline behind one of them. Run: npm run report
import {
  addBusinessDays,
  addBusinessTime,
  compileCalendar,
  evaluate,
  explainBusinessTime,
  getPolicy,
  listPolicies,
  roundTheClock,
  unionCalendars,
  US_FEDERAL_HOLIDAYS,
  weekdayHours,
  type Calendar,
} from '../src/index.js';
import { holidayRegions } from '../src/regions/index.js';

const calendars: [string, Calendar][] = [
  ['Denver office, Mon-Fri 09-17, U.S. federal holidays', compileCalendar(weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]))],
  ['Follow-the-sun: London + New York + Sydney 09-17', unionCalendars([
    weekdayHours('Europe/London', '09:00', '17:00', [{ region: 'GB' }]),
    weekdayHours('America/New_York', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]),
    weekdayHours('Australia/Sydney', '09:00', '17:00', [{ region: 'AU-NSW' }]),
  ], { holidayRegions })],
  ['24x7x365', compileCalendar(roundTheClock('America/Denver'))],
];

const tickets: [string, string][] = [
  ['Wed before Thanksgiving, 15:00 MST', '2026-11-25T15:00-07:00'],
  ['Fri 16:30 before Labor Day', '2026-09-04T16:30-06:00'],
  ['Saturday noon', '2026-11-21T12:00-07:00'],
  ['Sat night before DST ends', '2026-10-31T22:00-06:00'],
];

const targets: [string, (calendar: Calendar, at: string) => Date][] = [
  ['4 business hours', (calendar, at) => addBusinessTime(calendar, at, { hours: 4 })],
  ['next business day (end)', (calendar, at) => addBusinessDays(calendar, at, 1)],
];

const denverTime = (date: Date) =>
  date.toLocaleString('en-US', { timeZone: 'America/Denver', weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });

// 1. Vendors side by side: hours from opening to the first-response deadline.
const customer = compileCalendar(weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]));
for (const severity of [1, 3]) {
  console.log(`\nFirst-response deadline, severity ${severity}: wall-clock hours after the ticket opens (customer in Denver, Mon-Fri 09-17, U.S. federal holidays)`);
  const rows: Record<string, string>[] = [];
  for (const summary of listPolicies()) {
    for (const plan of summary.plans) {
      const row: Record<string, string> = { policy: summary.id, plan };
      for (const [ticketName, at] of tickets) {
        const policy = getPolicy(summary.id);
        if (!policy.versions.some((version) => version.severities.some((level) => level.level === severity))) {
          row[ticketName] = 'no such severity';
          continue;
        }
        // An account in good standing for this plan: its first accepted contract status, every plan held.
        const planSpec = policy.versions.flatMap((version) => version.plans).find((candidate) => candidate.id === plan);
        const contract = planSpec?.contract?.[0] ?? 'active';
        const decision = evaluate(policy, { plan, severity, at, calendar: customer, account: { contract, role: 'administrator', plans: summary.plans, trialStart: at } });
        row[ticketName] = !decision.eligible
          ? 'not eligible'
          : decision.firstResponse === null
            ? 'no target'
            : ((decision.firstResponse.deadlineMs - Date.parse(at)) / 3_600_000).toFixed(1);
      }
      rows.push(row);
    }
  }
  console.table(rows);
}

// 2. Deadlines on the built-in calendars.
for (const [calendarName, calendar] of calendars) {
  console.log(`\n${calendarName}`);
  const rows = tickets.flatMap(([ticketName, at]) =>
    targets.map(([targetName, deadline]) => {
      const due = deadline(calendar, at);
      const hours = ((due.getTime() - Date.parse(at)) / 3_600_000).toFixed(1);
      return { ticket: ticketName, target: targetName, due: denverTime(due), 'wall-clock hours': hours };
    }),
  );
  console.table(rows);
}

// 3. The timeline behind one deadline.
const [, denver] = calendars[0] as [string, Calendar];
const at = '2026-11-25T15:00-07:00';
const due = addBusinessTime(denver, at, { hours: 4 });
console.log(`\nWhy is a 4-hour response to a ticket opened ${at} due ${due.toISOString()}?`);
for (const segment of explainBusinessTime(denver, at, due).segments) {
  const why = segment.kind === 'open' ? 'counts' : `${segment.kind}${segment.reason ? ` (${segment.reason}${segment.name ? `: ${segment.name}` : ''})` : ''}`;
  console.log(`  ${segment.start} -> ${segment.end}  ${why}`);
}
