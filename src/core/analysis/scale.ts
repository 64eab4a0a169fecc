/**
 * A node's size from a number about it: square-root scaled, so that a node's area rather than its
 * radius follows the number, from `min` for the lowest value among the actors to `max` for the
 * highest. The whole size range shows the differences, wherever the values lie (betweenness and
 * evidence counts can sit in a narrow band far from 0). All equal: `min`, as there is nothing to
 * tell apart. One function for the sizes the graph first gets and those a reader chooses, so that
 * the same view looks the same wherever it is drawn.
 */
export function scaledSize(value: number, low: number, high: number, min: number, max: number): number {
  if (!(high > low)) return min;
  const share = Math.min(1, Math.max(0, (value - low) / (high - low)));
  return min + (max - min) * Math.sqrt(share);
}
