// "Did you mean": the closest known name to a misspelt one.

/** The Levenshtein distance between two strings (case-insensitive), or Infinity beyond `limit`. */
function distance(a: string, b: string, limit: number): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > limit) return Infinity;
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length] as number;
}

/** `; did you mean "jumpcloud"?` when a known name is within a third of the length, else ''. */
export function didYouMean(given: string, known: readonly string[]): string {
  if (given.length > 100) return '';
  const limit = Math.max(1, Math.floor(given.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = distance(given, name, limit);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best !== undefined && bestDistance <= limit ? `; did you mean "${best}"?` : '';
}

/** The known name equal to `given` ignoring case, if any. */
export function matchIgnoringCase(given: string, known: readonly string[]): string | undefined {
  return known.find((name) => name === given) ?? known.find((name) => name.toLowerCase() === given.toLowerCase());
}
