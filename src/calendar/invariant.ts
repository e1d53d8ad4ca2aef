/**
 * Replaced at build time: `true` in the test build (vitest.config.ts `define`), `false` in the
 * published build (tsup.config.ts), where a check written as
 * `if (typeof __SLACLOCK_ASSERT__ !== 'undefined' && __SLACLOCK_ASSERT__)` at its call site
 * folds to `if (false)` and is dropped with the function it calls. Absent when the sources
 * run directly (tsx), which counts as off.
 */
declare global {
  const __SLACLOCK_ASSERT__: boolean | undefined;
}

/** Whether this build checks the timeline invariant as each year is built (for tests). */
export const CHECK_INVARIANTS: boolean = typeof __SLACLOCK_ASSERT__ !== 'undefined' && __SLACLOCK_ASSERT__;

/**
 * The timeline invariant for one built local year: its flat ranges `[s0, e0, s1, e1, ...]`
 * are whole milliseconds, non-empty, sorted, disjoint and not touching, and lie within the
 * year's own span `[from, to)` (so years concatenate in order and prefix sums never
 * decrease). A violation is a bug in slaclock, never the caller's fault: it throws loudly
 * in the test build instead of answering wrongly.
 */
export function assertYearRanges(ranges: readonly number[], from: number, to: number, what: string): void {
  const fail = (why: string): never => {
    throw new Error(`slaclock internal error: timeline invariant broken in ${what}: ${why}`);
  };
  if (ranges.length % 2 !== 0) fail('odd number of bounds');
  if (!(from <= to)) fail(`year span [${from}, ${to}) runs backwards`);
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < ranges.length; k += 2) {
    const start = ranges[k] as number;
    const end = ranges[k + 1] as number;
    if (!Number.isInteger(start) || !Number.isInteger(end)) fail(`range ${k / 2} is not whole milliseconds`);
    if (!(start < end)) fail(`range ${k / 2} [${start}, ${end}) is empty or backwards`);
    if (!(previousEnd < start)) fail(`range ${k / 2} starts at ${start}, not after the previous end ${previousEnd}`);
    if (start < from || end > to) fail(`range ${k / 2} [${start}, ${end}) leaves the year's span [${from}, ${to})`);
    previousEnd = end;
  }
}
