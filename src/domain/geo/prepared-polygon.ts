import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A polygon prepared for millions of point-in-polygon tests: every ring edge is bucketed into
 * horizontal latitude bands, so a test casts its ray only across the edges of the point's band
 * (tens instead of thousands). Even-odd rule over all rings of all parts, which is exact for valid
 * (Multi)Polygons whose parts do not overlap; points exactly on an edge may fall either way.
 */
export interface PreparedPolygon {
  /** [west, south, east, north] in degrees. */
  readonly bbox: readonly [number, number, number, number];
  /** True when (lon, lat) lies inside. */
  contains(lon: number, lat: number): boolean;
}

/** The rings of a Polygon or MultiPolygon as one flat list. */
export function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Prepares a Polygon or MultiPolygon (or several, treated as one even-odd set) for fast tests. */
export function preparePolygon(
  geometries: Polygon | MultiPolygon | (Polygon | MultiPolygon)[],
): PreparedPolygon {
  const rings = (Array.isArray(geometries) ? geometries : [geometries]).flatMap(ringsOf);
  let edgeCount = 0;
  for (const ring of rings) edgeCount += Math.max(0, ring.length - 1);
  const x1 = new Float64Array(edgeCount);
  const y1 = new Float64Array(edgeCount);
  const x2 = new Float64Array(edgeCount);
  const y2 = new Float64Array(edgeCount);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  let edge = 0;
  for (const ring of rings) {
    for (let index = 0; index + 1 < ring.length; index++) {
      const start = ring[index]!;
      const end = ring[index + 1]!;
      x1[edge] = start[0]!;
      y1[edge] = start[1]!;
      x2[edge] = end[0]!;
      y2[edge] = end[1]!;
      west = Math.min(west, start[0]!);
      east = Math.max(east, start[0]!);
      south = Math.min(south, start[1]!);
      north = Math.max(north, start[1]!);
      edge++;
    }
  }
  const bandCount = Math.max(1, Math.min(4096, Math.ceil(edgeCount / 4)));
  const bandHeight = (north - south) / bandCount || 1;
  const bandOf = (lat: number): number =>
    Math.min(bandCount - 1, Math.max(0, Math.floor((lat - south) / bandHeight)));
  // Two passes into a compressed (CSR) layout: counts, then edge indices per band.
  const bandStart = new Int32Array(bandCount + 1);
  for (let index = 0; index < edgeCount; index++) {
    const low = bandOf(Math.min(y1[index]!, y2[index]!));
    const high = bandOf(Math.max(y1[index]!, y2[index]!));
    for (let band = low; band <= high; band++) bandStart[band + 1]! += 1;
  }
  for (let band = 0; band < bandCount; band++) bandStart[band + 1]! += bandStart[band]!;
  const bandEdges = new Int32Array(bandStart[bandCount]!);
  const fill = bandStart.slice(0, bandCount);
  for (let index = 0; index < edgeCount; index++) {
    const low = bandOf(Math.min(y1[index]!, y2[index]!));
    const high = bandOf(Math.max(y1[index]!, y2[index]!));
    for (let band = low; band <= high; band++) bandEdges[fill[band]!++] = index;
  }
  const contains = (lon: number, lat: number): boolean => {
    if (lon < west || lon > east || lat < south || lat > north) return false;
    const band = bandOf(lat);
    let inside = false;
    for (let slot = bandStart[band]!; slot < bandStart[band + 1]!; slot++) {
      const index = bandEdges[slot]!;
      const startY = y1[index]!;
      const endY = y2[index]!;
      if (startY > lat !== endY > lat) {
        const crossingX = x1[index]! + ((lat - startY) / (endY - startY)) * (x2[index]! - x1[index]!);
        if (lon < crossingX) inside = !inside;
      }
    }
    return inside;
  };
  return { bbox: [west, south, east, north], contains };
}
