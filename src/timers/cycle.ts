import type { Timeline } from '../calendar/timeline.js';
import { addCounted, countedBetween, nextCounting } from '../ops/pauses.js';

/** A stretch of a cycle under one set of terms: `[from, to)`, counted on `timeline` against `goal`. */
export interface Piece {
  readonly from: number;
  readonly to: number;
  readonly timeline: Timeline;
  readonly goal: number;
  /**
   * Whether the goal is due at the next counting instant after it is used up rather than at
   * that instant: a business-days target whose deadline is an opening (rule `start-of-day`),
   * so the closed hours between the last counted minute and that opening still meet it.
   */
  readonly dueAtOpening: boolean;
}

/** A cycle's figures, in epoch and business milliseconds. */
export interface Measure {
  readonly goal: number;
  readonly deadline: number;
  readonly breachedAt: number | null;
  readonly elapsed: number;
  readonly paused: number;
}

/**
 * Measures a cycle made of `pieces` (the terms in force, in time order, the last ending at the
 * stop or `now`) with `pauses` (flat sorted ranges within it). Each piece takes its own goal
 * with the elapsed time so far; the goal is used up at the deadline, and a cycle still running
 * at its deadline (or at a change of terms there) is breached then, for good. A stop at the
 * deadline meets it.
 */
export function measureCycle(pieces: readonly Piece[], pauses: readonly number[], stopped: boolean): Measure {
  let elapsed = 0;
  let paused = 0;
  let breachedAt: number | null = null;
  let goal = (pieces[0] as Piece).goal;
  let deadline = (pieces[0] as Piece).from;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] as Piece;
    if (breachedAt === null) {
      goal = piece.goal;
      const need = goal - elapsed;
      deadline = need <= 0 ? piece.from : dueInstant(piece, addCounted(piece.timeline, piece.from, need, pauses), pauses);
      const last = k === pieces.length - 1;
      // A change that leaves no time breaches at once; otherwise a stop at the deadline meets it.
      if ((need <= 0 && k > 0) || (last && stopped ? deadline < piece.to : deadline <= piece.to)) breachedAt = deadline;
    }
    const counted = countedBetween(piece.timeline, piece.from, piece.to, pauses);
    elapsed += counted;
    paused += piece.timeline.openBetween(piece.from, piece.to) - counted;
  }
  return { goal, deadline, breachedAt, elapsed, paused };
}

/** When a piece's goal, used up at `usedUp`, is due: then, or at the next counting instant for a goal due at an opening. */
function dueInstant(piece: Piece, usedUp: number, pauses: readonly number[]): number {
  return piece.dueAtOpening ? (nextCounting(piece.timeline, usedUp, pauses) ?? usedUp) : usedUp;
}

/** The instant the cycle has counted `amount` (> 0), projecting the last piece past its end. */
export function instantOfElapsed(pieces: readonly Piece[], pauses: readonly number[], amount: number): number {
  let left = amount;
  for (let k = 0; k < pieces.length - 1; k++) {
    const piece = pieces[k] as Piece;
    const counted = countedBetween(piece.timeline, piece.from, piece.to, pauses);
    if (counted >= left) return addCounted(piece.timeline, piece.from, left, pauses);
    left -= counted;
  }
  const last = pieces[pieces.length - 1] as Piece;
  return addCounted(last.timeline, last.from, left, pauses);
}
