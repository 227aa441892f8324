type LonLat = [number, number];

function cross(origin: LonLat, first: LonLat, second: LonLat): number {
  return (first[0] - origin[0]) * (second[1] - origin[1]) - (first[1] - origin[1]) * (second[0] - origin[0]);
}

/** Convex hull (Andrew's monotone chain) as a closed, counter-clockwise ring. */
export function convexHull(points: readonly LonLat[]): LonLat[] {
  const sorted = [...points].sort((left, right) => left[0] - right[0] || left[1] - right[1]);
  const lower: LonLat[] = [];
  for (const point of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, point) <= 0)
      lower.pop();
    lower.push(point);
  }
  const upper: LonLat[] = [];
  for (const point of [...sorted].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, point) <= 0)
      upper.pop();
    upper.push(point);
  }
  const ring = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return [...ring, ring[0]!];
}
