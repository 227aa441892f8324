/**
 * Feeds the coverage results in the store to the map's coverage layers: gaps coloured by priority,
 * layer switches, the selected site's footprint, gap popups and flying to a gap.
 */
import turfBbox from '@turf/bbox';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { GapProperties } from '../domain/coverage/gaps';
import { Disposers } from '../domain/disposers';
import { translate } from '../domain/i18n/translate';
import { districtFacts } from '../domain/plan/district-facts';
import type { CoverageClient } from '../engine/coverage-client';
import type { CoverageLayers } from '../map/coverage-layers';
import { gapPriorityBreaks, gapPriorityLevel } from '../state/coverage-slice';
import type { AppState } from '../state/store';
import type { AppContext } from './app-context';
import { trackedSubscribe } from './subscriptions';

export interface CoverageMapWiring {
  /** Re-reads the selected site's footprint (after an edit may have moved or changed it). */
  refreshFootprint(): void;
  flyToGap(gap: GapProperties): void;
  dispose(): void;
}

/** The one site whose footprint is drawn: a single planner selection, or a clicked baseline site. */
export function selectedSiteId(state: AppState): string | null {
  if (state.selectedSiteIds.length === 1) return state.selectedSiteIds[0] ?? null;
  if (state.selectedSiteIds.length === 0 && state.selection?.layerId === 'sites') {
    const id = state.selection.properties.id;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

const formatArea = (language: 'zh' | 'en', km2: number): string =>
  `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    maximumFractionDigits: km2 < 1 ? 3 : 2,
  }).format(km2)} km²`;

export function wireCoverageMap(
  { store }: AppContext,
  layers: CoverageLayers,
  client: CoverageClient,
): CoverageMapWiring {
  const disposers = new Disposers();
  const subscribe = trackedSubscribe(store, disposers);
  const withPriority = (
    gaps: FeatureCollection<MultiPolygon, GapProperties>,
  ): FeatureCollection<MultiPolygon, GapProperties & { priority: string }> => {
    const breaks = gapPriorityBreaks(gaps.features.map((gap) => gap.properties.priorityScore));
    return {
      type: 'FeatureCollection',
      features: gaps.features.map((gap) => ({
        ...gap,
        id: gap.properties.id,
        properties: { ...gap.properties, priority: gapPriorityLevel(gap.properties.priorityScore, breaks) },
      })),
    };
  };

  subscribe(
    (state) => state.coverageGaps,
    (gaps) => {
      if (gaps) layers.setGaps(withPriority(gaps));
    },
    { fireImmediately: true },
  );
  subscribe(
    (state) => state.coverageLayers,
    (visible) => {
      layers.setRasterVisible(visible.raster);
      layers.setGapsVisible(visible.gaps);
      layers.setFootprintVisible(visible.footprint);
    },
    { fireImmediately: true },
  );

  let footprintRequest = 0;
  const refreshFootprint = () => {
    const id = selectedSiteId(store.getState());
    const request = ++footprintRequest;
    if (!id || !store.getState().coverageStats) {
      layers.setFootprint(null);
      store.setState({ coverageFootprint: null });
      return;
    }
    void client.siteFootprint(id).then(
      (footprint) => {
        if (request !== footprintRequest) return;
        layers.setFootprint(footprint?.buffer ?? null);
        store.setState({
          coverageFootprint: footprint
            ? {
                siteId: id,
                servedKm2: footprint.servedKm2,
                radiusM: Number(footprint.buffer?.properties?.radiusM ?? 0),
              }
            : null,
        });
      },
      () => layers.setFootprint(null),
    );
  };
  subscribe((state) => selectedSiteId(state), refreshFootprint);

  disposers.add(
    layers.onGapClick((click) => {
      const state = store.getState();
      // A site or station under the pointer wins (the planner map already opened its popup), and so
      // does the planner's add tool.
      if (state.plannerTool === 'add') return;
      const selected = state.selection;
      if (selected && !['districts', 'newTowns', 'wings', 'keyAreas'].includes(selected.layerId)) return;
      if (selected) state.clearSelection();
      const language = state.language;
      const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
        translate(language, key, values);
      const properties = click.properties as unknown as GapProperties & { priority: string };
      const facts = districtFacts(String(properties.adcode));
      const district = facts
        ? language === 'en'
          ? facts.nameEn
          : facts.name
        : String(properties.districtName);
      const priorityKey =
        properties.priority === 'high'
          ? 'coverage.priority.high'
          : properties.priority === 'medium'
            ? 'coverage.priority.medium'
            : 'coverage.priority.low';
      layers.showPopup(
        {
          layerLabel: t('coverage.layer.gaps'),
          title: t('coverage.gap.title', { district }),
          rows: [
            { label: t('coverage.gap.area'), value: formatArea(language, Number(properties.areaKm2)) },
            { label: t('coverage.gap.district'), value: district },
            { label: t('coverage.gap.priority'), value: t(priorityKey) },
          ],
          notes: [t('coverage.sampleNote')],
        },
        click.longitude,
        click.latitude,
      );
    }),
  );
  subscribe(
    (state) => state.language,
    () => layers.closePopup(),
  );

  const flyToGap = (gap: GapProperties) => {
    const feature = store.getState().coverageGaps?.features.find((item) => item.properties.id === gap.id);
    if (feature) layers.flyToBounds(turfBbox(feature.geometry) as [number, number, number, number]);
    else {
      const [longitude, latitude] = gap.centroid;
      layers.flyToBounds([longitude - 0.01, latitude - 0.01, longitude + 0.01, latitude + 0.01]);
    }
  };

  return { refreshFootprint, flyToGap, dispose: disposers.disposer };
}
