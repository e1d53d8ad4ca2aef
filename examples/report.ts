// The README's "main job": first-response deadlines on the built-in calendars for a
// handful of hand-checkable ticket times, with the timeline behind one of them.
// Run: npm run report
import {
  addBusinessDays,
  addBusinessTime,
  compileCalendar,
  explainBusinessTime,
  roundTheClock,
  unionCalendars,
  US_FEDERAL_HOLIDAYS,
  weekdayHours,
  type Calendar,
} from '../src/index.js';

const calendars: [string, Calendar][] = [
  ['Denver office, Mon-Fri 09-17, U.S. federal holidays', compileCalendar(weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]))],
  ['Follow-the-sun: London + New York + Sydney 09-17', unionCalendars([
    weekdayHours('Europe/London', '09:00', '17:00', [{ region: 'GB' }]),
    weekdayHours('America/New_York', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]),
    weekdayHours('Australia/Sydney', '09:00', '17:00', [{ region: 'AU-NSW' }]),
  ])],
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

const [, denver] = calendars[0] as [string, Calendar];
const at = '2026-11-25T15:00-07:00';
const due = addBusinessTime(denver, at, { hours: 4 });
console.log(`\nWhy is a 4-hour response to a ticket opened ${at} due ${due.toISOString()}?`);
for (const segment of explainBusinessTime(denver, at, due).segments) {
  const why = segment.kind === 'open' ? 'counts' : `${segment.kind}${segment.reason ? ` (${segment.reason}${segment.name ? `: ${segment.name}` : ''})` : ''}`;
  console.log(`  ${segment.start} -> ${segment.end}  ${why}`);
}
