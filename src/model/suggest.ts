/**
 * The name a misspelt one was probably meant to be, for "did you mean" hints: the closest of
 * `names` by edit distance (a swap of two neighbours counts as one edit), when it is close for the
 * word's length (one edit up to five letters, two from six), or the same letters in another order.
 * Undefined when nothing is that close, or when two names are equally close.
 */
export function closest(word: string, names: Iterable<string>): string | undefined {
  const folded = word.toLowerCase();
  const limit = folded.length < 3 ? 0 : folded.length < 6 ? 1 : 2;
  const letters = [...folded].sort().join("");
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const name of names) {
    const candidate = name.toLowerCase();
    if (candidate === folded) continue;
    const anagram = candidate.length > 2 && [...candidate].sort().join("") === letters;
    const d = anagram ? 1 : distance(folded, candidate, limit);
    if (d > limit && !anagram) continue;
    if (d < bestDistance) [best, bestDistance, tied] = [name, d, false];
    else if (d === bestDistance && name !== best) tied = true;
  }
  return tied ? undefined : best;
}

/** Optimal string alignment distance, given up early once it is past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > limit) return limit + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length] as number;
}
