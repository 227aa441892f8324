/**
 * The engine's placed sites: slots in site order (the order decides ties), the id → slot map, the spatial
 * index of site cells and the kernel and profile caches placement shares.
 */
import type { SiteFeature } from '../types';
import type { CityRaster } from './city-raster';
import { KernelCache } from './kernels';
import type { CoverageSettings } from './settings';
import { type PlacedSite, type Profile, placeSite } from './site-model';
import { SpatialIndex } from './spatial-index';

export class SiteSlots {
  /** Site slots in site order; removed slots are undefined until compaction. */
  slots: (PlacedSite | undefined)[] = [];
  readonly index = new SpatialIndex(32);
  /** The farthest any site's serving extent reaches from its cell (spatial queries use it). */
  maxReachCells = 0;
  private slotById = new Map<string, number>();
  private kernels = new KernelCache();
  private profiles = new Map<string | number, Profile>();

  /** Forget the kernels and profiles (settings changed what they hold). */
  clearProfiles(): void {
    this.kernels = new KernelCache();
    this.profiles = new Map();
  }

  /** Place one site with the shared caches, widening the query reach if it reaches farther. */
  place(feature: SiteFeature, city: CityRaster, settings: CoverageSettings): PlacedSite {
    const placed = placeSite(feature, city, settings, this.kernels, this.profiles);
    if (placed.servingReachCells > this.maxReachCells) this.maxReachCells = placed.servingReachCells;
    return placed;
  }

  /** Place a whole site list (later duplicates of an id replace earlier ones) and index it. */
  placeAll(sites: readonly SiteFeature[], city: CityRaster, settings: CoverageSettings): void {
    this.index.clear();
    this.maxReachCells = 0;
    if (this.sameIdsInOrder(sites)) {
      // Same plan again (settings change, re-sent scenario): the id → slot map still holds.
      for (let slotIndex = 0; slotIndex < sites.length; slotIndex++)
        this.slots[slotIndex] = this.place(sites[slotIndex]!, city, settings);
    } else {
      this.slots = [];
      this.slotById.clear();
      for (const feature of sites) {
        const existing = this.slotById.get(feature.properties.id);
        const placed = this.place(feature, city, settings);
        if (existing !== undefined) this.slots[existing] = placed;
        else {
          this.slotById.set(placed.id, this.slots.length);
          this.slots.push(placed);
        }
      }
    }
    this.slots.forEach((slot, slotIndex) => {
      if (slot) this.index.add(slotIndex, slot.column, slot.row);
    });
  }

  /**
   * Whether `sites` carry exactly the current slots' ids in slot order (no removed slots): then the id map
   * can be kept, which saves hashing every id again (a tenth of placing 70k sites, docs/measurements.md).
   */
  private sameIdsInOrder(sites: readonly SiteFeature[]): boolean {
    if (sites.length !== this.slots.length || this.slotById.size !== sites.length) return false;
    for (let slotIndex = 0; slotIndex < sites.length; slotIndex++) {
      if (this.slots[slotIndex]?.id !== sites[slotIndex]!.properties.id) return false;
    }
    return true;
  }

  /** The slot of an id, if placed. */
  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  /** A new, empty slot at the end for an id (fill it with `replace`); returns its index. */
  reserve(id: string): number {
    const slotIndex = this.slots.length;
    this.slots.push(undefined);
    this.slotById.set(id, slotIndex);
    return slotIndex;
  }

  /** Put a site (or nothing) in a slot, keeping the spatial index in step. */
  replace(slotIndex: number, after: PlacedSite | undefined): void {
    const before = this.slots[slotIndex];
    if (before) this.index.remove(slotIndex, before.column, before.row);
    this.slots[slotIndex] = after;
    if (after) this.index.add(slotIndex, after.column, after.row);
  }

  /** Forget an id (its slot is emptied by `replace`). */
  forget(id: string): void {
    this.slotById.delete(id);
  }

  /** The current sites in site order. */
  sites(): SiteFeature[] {
    return this.slots.filter((slot): slot is PlacedSite => slot !== undefined).map((slot) => slot.feature);
  }
}
