/**
 * Every UTC-offset change of a zone, found by scanning with Intl (not with src/, not with
 * luxon): sample the offset every `step` milliseconds, bisect each change to the millisecond.
 * Two changes closer together than `step` that cancel out are not seen; the exhaustive sweep
 * samples daily.
 */
const SECOND = 1000;

export interface Transition {
  readonly zone: string;
  /** The first instant with the new offset. */
  readonly at: number;
  /** Offsets in milliseconds before and after. */
  readonly before: number;
  readonly after: number;
}

function offsetReader(zone: string): (t: number) => number {
  const format = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (t) => {
    const whole = Math.floor(t / SECOND) * SECOND;
    const match = /^(\d\d)\/(\d\d)\/(\d+), (\d\d):(\d\d):(\d\d)$/.exec(format.format(whole));
    if (!match) throw new Error(`reference: unexpected Intl output for ${zone}`);
    const [month, day, year, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
    const wall = new Date(0);
    wall.setUTCFullYear(year, month - 1, day);
    wall.setUTCHours(hour, minute, second, 0);
    return wall.getTime() - whole;
  };
}

/** The offset changes of `zone` in [from, to). */
export function zoneTransitions(zone: string, from: number, to: number, step: number): Transition[] {
  const offsetAt = offsetReader(zone);
  const out: Transition[] = [];
  let previous = offsetAt(from);
  for (let t = from + step; t < to + step; t += step) {
    const offset = offsetAt(t);
    if (offset === previous) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === previous) lo = mid;
      else hi = mid;
    }
    if (hi >= from && hi < to) out.push({ zone, at: hi, before: previous, after: offsetAt(hi) });
    previous = offset;
  }
  return out;
}
