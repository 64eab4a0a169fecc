/**
 * On a large graph parallel relations are drawn as straight one-pixel lines,
 * exactly on top of each other: only the last one drawn can be seen, and each
 * of the others still costs its full length in pixels. Drawing one line per
 * pair of actors shows the same picture for a fraction of the work, provided
 * the one drawn is the pair's strongest relation that the filters let through.
 */

export interface PairedEdges {
  /** For each edge, the number of its pair of actors (0 ≤ pair < pairCount). */
  pairs: Int32Array;
  /** For each edge, how much it weighs against its parallels. */
  strengths: Float64Array;
  pairCount: number;
}

/**
 * For each pair, the edge drawn for it: the strongest shown edge (the first of
 * equals), or when none is shown, the strongest of all (so a faded pair still
 * appears faded once); -1 for a pair without edges.
 */
export function pairRepresentatives(edges: PairedEdges, isShown: (edge: number) => boolean): Int32Array {
  const { pairs, strengths, pairCount } = edges;
  const bestShown = new Int32Array(pairCount).fill(-1);
  const bestAny = new Int32Array(pairCount).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const strength = strengths[i]!;
    const any = bestAny[pair]!;
    if (any < 0 || strength > strengths[any]!) bestAny[pair] = i;
    if (!isShown(i)) continue;
    const shown = bestShown[pair]!;
    if (shown < 0 || strength > strengths[shown]!) bestShown[pair] = i;
  }
  for (let pair = 0; pair < pairCount; pair++) {
    if (bestShown[pair]! < 0) bestShown[pair] = bestAny[pair]!;
  }
  return bestShown;
}
