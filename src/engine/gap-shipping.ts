/**
 * Which gaps the client holds, so that an edit's reply carries only what changed. After a full compute
 * the client receives every gap; after an edit, the gaps the edit dissolved (if the client had them) and
 * the ones it flooded (at or above the minimum area) — taken from the edit's own lists, so a reply never
 * walks, describes or ranks the ~12,000 quality gaps that did not change. When the gaps changed in some
 * other way since the last reply (the engine's gapRevision moved by more than this edit: a compute
 * cancelled after its labelling, a recompute before a query, a suggestion's trial removals), the reply
 * compares the whole collection with what was shipped instead.
 */
import type { CoverageEngine, EditResult } from '../domain/coverage/coverage-engine';
import { gapFeature } from '../domain/coverage/gap-features';
import { rankGaps } from '../domain/coverage/gap-ranking';
import type { GapKind } from '../domain/coverage/gaps';
import { gapCollection, qualityGapCollection } from '../domain/coverage/report';
import type { GapChanges, GapCollection } from './coverage-api-types';

export class GapShipping {
  // Ids of each kind of gap the last reply left the client with (replies arrive in order, stale or not).
  private readonly shipped: Record<GapKind, Set<number>> = { coverage: new Set(), quality: new Set() };
  /** The engine's gapRevision the shipped ids describe (−1: none). */
  private revision = -1;

  /** A full compute's reply: every gap of both kinds. */
  all(engine: CoverageEngine): { gaps: GapCollection; qualityGaps: GapCollection } {
    const gaps = gapCollection(engine);
    const qualityGaps = qualityGapCollection(engine);
    this.shipped.coverage = new Set(gaps.features.map((gap) => gap.properties.id));
    this.shipped.quality = new Set(qualityGaps.features.map((gap) => gap.properties.id));
    this.revision = engine.gapRevision;
    return { gaps, qualityGaps };
  }

  /** An edit's reply: the changes of both kinds since the last reply. */
  changes(
    engine: CoverageEngine,
    edit: EditResult,
  ): { gapChanges: GapChanges; qualityGapChanges: GapChanges } {
    const inStep = engine.gapRevision === this.revision + 1;
    this.revision = engine.gapRevision;
    if (!inStep) {
      return {
        gapChanges: this.compare('coverage', gapCollection(engine)),
        qualityGapChanges: this.compare('quality', qualityGapCollection(engine)),
      };
    }
    return {
      gapChanges: this.fromEdit('coverage', engine, edit),
      // Without SINR the quality collection is empty whatever the index holds: compare (cheaply) instead.
      qualityGapChanges: engine.radio
        ? this.fromEdit('quality', engine, edit)
        : this.compare('quality', qualityGapCollection(engine)),
    };
  }

  private fromEdit(kind: GapKind, engine: CoverageEngine, edit: EditResult): GapChanges {
    const shipped = this.shipped[kind];
    const index = kind === 'quality' ? engine.qualityGaps : engine.gaps;
    // The edit's ids hold both kinds; each set holds only its own.
    const removedIds = edit.removedGapIds.filter((id) => shipped.delete(id));
    const added: GapChanges['added'] = [];
    for (const id of edit.addedGapIds) {
      const component = index.components.get(id);
      if (!component || component.areaKm2 < engine.settings.minGapAreaKm2) continue;
      shipped.add(id);
      added.push(gapFeature(index, engine.city, component));
    }
    return { removedIds, added: rankGaps(added) };
  }

  private compare(kind: GapKind, gaps: GapCollection): GapChanges {
    const next = new Set<number>();
    const added: GapChanges['added'] = [];
    for (const gap of gaps.features) {
      next.add(gap.properties.id);
      if (!this.shipped[kind].has(gap.properties.id)) added.push(gap);
    }
    const removedIds = [...this.shipped[kind]].filter((id) => !next.has(id));
    this.shipped[kind] = next;
    return { removedIds, added };
  }
}
