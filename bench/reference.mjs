// A deliberately naive third opinion for the agreement check (never timed).
// It materialises every open interval [09:00, 17:00) of each Mon-Fri non-holiday date in 2025-2030 with the
// local-time Date constructor (the process runs with TZ=America/Denver), then walks that list.
// It shares only the holiday dates with the libraries under test, so when slaclock and a peer disagree it
// shows which side does the interval arithmetic the way the contract describes
// (d > 0 lands on the earliest instant, i.e. on a close when it uses up an interval exactly).

/** Every open interval [09:00, 17:00) of each Mon-Fri non-holiday date in 2025-2030, as [start, end] epoch ms. */
export function openIntervals(holidays) {
  const closed = new Set(holidays);
  const iv = [];
  for (let d = new Date(2025, 0, 1); d.getFullYear() <= 2030; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    const wd = d.getDay();
    if (wd === 0 || wd === 6) continue;
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    if (closed.has(iso)) continue;
    const y = d.getFullYear();
    const m = d.getMonth();
    const day = d.getDate();
    iv.push([new Date(y, m, day, 9).getTime(), new Date(y, m, day, 17).getTime()]);
  }
  return iv;
}

export function makeReference(holidays) {
  const iv = openIntervals(holidays);
  // index of the first interval whose end is after t
  const find = (t) => {
    let lo = 0;
    let hi = iv.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (iv[mid][1] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    name: 'naive reference',
    add8h(t) {
      let rem = 8 * 3_600_000;
      let i = find(t);
      let cur = Math.max(t, iv[i][0]);
      for (;;) {
        const avail = iv[i][1] - cur;
        if (rem <= avail) return cur + rem;
        rem -= avail;
        i++;
        cur = iv[i][0];
      }
    },
    between(a, b) {
      let sum = 0;
      for (let i = find(a); i < iv.length && iv[i][0] < b; i++) sum += Math.min(b, iv[i][1]) - Math.max(a, iv[i][0]);
      return sum;
    },
  };
}
