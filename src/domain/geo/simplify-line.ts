/**
 * Douglas–Peucker simplification of a lon/lat polyline with a tolerance in metres, in a local
 * equirectangular frame (the line's first vertex). Keeps both ends; deterministic.
 */
import { localMetresFrame } from './geodesy';

/** The line with every vertex removed whose removal moves the line by at most toleranceM. */
export function simplifyLine(line: readonly [number, number][], toleranceM: number): [number, number][] {
  if (line.length <= 2) return line.map(([lon, lat]) => [lon, lat]);
  const frame = localMetresFrame(line[0]![1]);
  const x = line.map(([lon]) => lon * frame.metresPerDegreeLon);
  const y = line.map(([, lat]) => lat * frame.metresPerDegreeLat);
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  const toleranceSquared = toleranceM * toleranceM;
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const dx = x[last]! - x[first]!;
    const dy = y[last]! - y[first]!;
    const lengthSquared = dx * dx + dy * dy;
    let farthest = -1;
    let farthestSquared = toleranceSquared;
    for (let index = first + 1; index < last; index++) {
      const px = x[index]! - x[first]!;
      const py = y[index]! - y[first]!;
      // Distance to the segment (not the infinite line), so a hairpin is not flattened.
      const along = lengthSquared > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared)) : 0;
      const ex = px - along * dx;
      const ey = py - along * dy;
      const squared = ex * ex + ey * ey;
      if (squared > farthestSquared) {
        farthestSquared = squared;
        farthest = index;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return line.filter((_, index) => keep[index] === 1).map(([lon, lat]) => [lon, lat]);
}
