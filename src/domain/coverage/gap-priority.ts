/**
 * Gap priority classes (high / medium / low) from the priority score's city-wide rank. The map's gap
 * colours, the coverage panel and the district report all use these breaks, so a gap has one class
 * everywhere. Ranks, not absolute scores, because the score's scale depends on district density and
 * the coverage threshold.
 */

export type GapPriorityLevel = 'high' | 'medium' | 'low';

/** Share of the city's gaps (by rank) that are high priority. */
export const HIGH_PRIORITY_SHARE = 0.1;
/** Share of the city's gaps (by rank) that are high or medium priority. */
export const HIGH_OR_MEDIUM_PRIORITY_SHARE = 0.4;

/**
 * Priority score thresholds [high, medium] splitting gaps by rank: the top 10 % (at least one) are
 * high, the next 30 % medium, the rest low.
 */
export function gapPriorityBreaks(scores: readonly number[]): [number, number] {
  if (scores.length === 0) return [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const sorted = [...scores].sort((a, b) => b - a);
  const highCount = Math.max(1, Math.ceil(sorted.length * HIGH_PRIORITY_SHARE));
  const mediumCount = Math.max(highCount, Math.ceil(sorted.length * HIGH_OR_MEDIUM_PRIORITY_SHARE));
  return [sorted[highCount - 1]!, sorted[Math.min(sorted.length, mediumCount) - 1]!];
}

/** The priority level of a score against breaks from gapPriorityBreaks. */
export function gapPriorityLevel(score: number, breaks: readonly [number, number]): GapPriorityLevel {
  if (score >= breaks[0]) return 'high';
  if (score >= breaks[1]) return 'medium';
  return 'low';
}
