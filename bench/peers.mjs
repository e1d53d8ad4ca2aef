// The two peer libraries, configured for the same calendar as slaclock:
// Mon-Fri 09:00-17:00, closed on the given holiday dates, in the *process's local time zone*
// (neither peer takes a time-zone argument; run.mjs makes sure TZ=America/Denver).
//
// Configuration follows each package's README and source in node_modules:
//  - moment-business-time 2.0.0: moment.updateLocale(locale, { workinghours: {0..6: ['HH:mm:ss', 'HH:mm:ss'] | null},
//    holidays: ['YYYY-MM-DD'] }); m.addWorkingTime(8, 'hours') mutates and returns m;
//    later.workingDiff(earlier) with no unit returns milliseconds (later - earlier).
//  - dayjs-business-time 1.0.4: dayjs.extend(plugin); dayjs.setBusinessTime({ sunday: null,
//    monday: [{ start: 'HH:mm:ss', end: 'HH:mm:ss' }], ... }); dayjs.setHolidays(['YYYY-MM-DD']);
//    d.addBusinessHours(8) returns a new Dayjs; earlier.businessMinutesDiff(later) returns whole minutes.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function loadPeers(holidays) {
  const moment = require('moment-business-time'); // returns the patched `moment`
  const dayjs = require('dayjs');
  const dayjsBusinessTime = require('dayjs-business-time');

  const open = ['09:00:00', '17:00:00'];
  moment.updateLocale(moment.locale(), {
    workinghours: { 0: null, 1: open, 2: open, 3: open, 4: open, 5: open, 6: null },
    holidays: [...holidays],
  });

  dayjs.extend(dayjsBusinessTime);
  const seg = () => [{ start: open[0], end: open[1] }];
  dayjs.setBusinessTime({
    sunday: null,
    monday: seg(),
    tuesday: seg(),
    wednesday: seg(),
    thursday: seg(),
    friday: seg(),
    saturday: null,
  });
  dayjs.setHolidays([...holidays]);

  return {
    moment: {
      name: 'moment-business-time',
      version: require('moment-business-time/package.json').version,
      /** epoch ms -> epoch ms */
      add8h: (ms) => moment(ms).addWorkingTime(8, 'hours').valueOf(),
      /** open time in [a, b) in ms, a <= b */
      between: (a, b) => moment(b).workingDiff(moment(a)),
    },
    dayjs: {
      name: 'dayjs-business-time',
      version: require('dayjs-business-time/package.json').version,
      add8h: (ms) => dayjs(ms).addBusinessHours(8).valueOf(),
      between: (a, b) => dayjs(a).businessMinutesDiff(dayjs(b)) * 60_000,
    },
  };
}
