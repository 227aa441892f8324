/**
 * Largest-remainder (Hamilton) apportionment: splits an integer total across weights so the parts
 * sum exactly to the total and each part is within 1 of its exact quota. Ties go to the lower index
 * so the result is deterministic.
 */
export function apportionByLargestRemainder(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum <= 0 || total <= 0) return weights.map(() => 0);
  const quotas = weights.map((weight) => (total * weight) / weightSum);
  const parts = quotas.map((quota) => Math.floor(quota));
  let remaining = total - parts.reduce((sum, part) => sum + part, 0);
  const order = quotas
    .map((quota, index) => ({ index, remainder: quota - Math.floor(quota) }))
    .sort((left, right) => right.remainder - left.remainder || left.index - right.index);
  for (const { index } of order) {
    if (remaining <= 0) break;
    parts[index]! += 1;
    remaining -= 1;
  }
  return parts;
}
