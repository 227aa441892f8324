/**
 * The serving site of every sample of some measurement sets: the site whose id the file names, else the
 * strongest site with the file's PCI, else the model's best server at the point (site-search.ts). The
 * samples are searched tile by tile (spatial-order.ts), a range at a time so that the caller can report
 * progress between ranges, and each answer is kept at the sample's own index, in file order.
 */
import { cellIdAt, type MeasurementColumns } from './measurement-set';
import type { SearchHit, SiteSearch } from './site-search';
import { spatialOrder } from './spatial-order';

export class ServingSites {
  /** Samples of all sets end to end: which set, which sample of it, where. */
  readonly setOf: Uint16Array;
  readonly sampleOf: Uint32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Per sample its serving site (−1: none in range), the link's RSRP and distance, MATCH_METHODS index. */
  readonly site: Int32Array;
  readonly rsrpDbm: Float64Array;
  readonly distanceM: Float64Array;
  readonly method: Uint8Array;
  /** Samples whose file named a cell or PCI that no site has (they fell back to the best server). */
  unmatchedIds = 0;
  private readonly order: Uint32Array;

  constructor(
    private readonly search: SiteSearch,
    private readonly sets: readonly MeasurementColumns[],
  ) {
    let total = 0;
    for (const set of sets) total += set.count;
    this.setOf = new Uint16Array(total);
    this.sampleOf = new Uint32Array(total);
    this.lon = new Float64Array(total);
    this.lat = new Float64Array(total);
    let filled = 0;
    sets.forEach((set, setIndex) => {
      this.setOf.fill(setIndex, filled, filled + set.count);
      for (let sample = 0; sample < set.count; sample++) this.sampleOf[filled + sample] = sample;
      this.lon.set(set.lon.subarray(0, set.count), filled);
      this.lat.set(set.lat.subarray(0, set.count), filled);
      filled += set.count;
    });
    this.site = new Int32Array(total).fill(-1);
    this.rsrpDbm = new Float64Array(total);
    this.distanceM = new Float64Array(total);
    this.method = new Uint8Array(total);
    this.order = spatialOrder(this.lon, this.lat, total);
  }

  get total(): number {
    return this.order.length;
  }

  /** Searches the samples at positions from…to − 1 of the spatial order. */
  searchRange(from: number, to: number): void {
    const { search } = this;
    for (let position = from; position < to; position++) {
      const index = this.order[position]!;
      const set = this.sets[this.setOf[index]!]!;
      const sample = this.sampleOf[index]!;
      const lon = this.lon[index]!;
      const lat = this.lat[index]!;
      let hit: SearchHit | undefined;
      let method = 2;
      const cellId = cellIdAt(set, sample);
      const pci = set.pci?.[sample] ?? -1;
      if (cellId !== undefined) {
        const site = search.siteWithId(cellId);
        const link = site === undefined ? undefined : search.evaluate(site, lon, lat);
        if (site !== undefined && link) {
          hit = { site, link };
          method = 0;
        }
      }
      if (!hit && pci >= 0) {
        hit = search.strongestWithPci(pci, lon, lat);
        if (hit) method = 1;
      }
      if (!hit && (cellId !== undefined || pci >= 0)) this.unmatchedIds++;
      hit ??= search.strongest(lon, lat);
      if (!hit) continue;
      this.site[index] = hit.site;
      this.rsrpDbm[index] = hit.link.rsrpDbm;
      this.distanceM[index] = hit.link.distanceM;
      this.method[index] = method;
    }
  }
}
