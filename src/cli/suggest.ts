// "Did you mean", in the CLI's words: the closest known name (util/describe's closestMatch) to a misspelt one.
import { closestMatch } from '../util/describe.js';

/** `; did you mean "jumpcloud"?` when a known name is within a third of the length, else ''. */
export function didYouMean(given: string, known: readonly string[]): string {
  const match = closestMatch(given, known);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}

/** The known name equal to `given` ignoring case, if any. */
export function matchIgnoringCase(given: string, known: readonly string[]): string | undefined {
  return known.find((name) => name === given) ?? known.find((name) => name.toLowerCase() === given.toLowerCase());
}
