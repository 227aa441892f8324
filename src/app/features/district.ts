/**
 * District view wiring: fills the picker, keeps the open area's report model up to date (engine results,
 * scenario sites, poles), drives the mask/fit/weak-spot highlight on the map, opens a district clicked
 * on the map while the tab is open, and captures the map image for the printable report.
 */
import type { Feature, Point } from 'geojson';
import { followGap, type GapFeature } from '../../domain/coverage/gap-follow';
import { type Disposer, Disposers } from '../../domain/disposers';
import {
  type AreaReport,
  buildAreaReport,
  REPORT_WEAK_SPOT_COUNT,
  type ReportArea,
  type WeakSpotSurroundings,
} from '../../domain/report/area-report';
import { DistrictFocus } from '../../map/district-focus';
import { composeReportImage } from '../../map/report-image';
import { effectiveSitesSource, findArea, loadAreas, polesSource, toChoices } from '../../services/area-data';
import type { AppContext } from '../app-context';
import { installDistrictTestHook } from '../district-test-hook';
import { reportSurroundingsSource } from '../report-surroundings';
import { trackedSubscribe } from '../subscriptions';

export const DISTRICT_TAB_ID = 'district';
const RECOMPUTE_DELAY_MS = 60;
/** Longest the report waits for the roads and stations before opening without them. */
const SURROUNDINGS_WAIT_MS = 10_000;

/** Wires the district feature into the app. */
export function wireDistrict({ store, map, data }: AppContext): Disposer {
  const disposers = new Disposers();
  const subscribe = trackedSubscribe(store, disposers);
  const focus = disposers.add(new DistrictFocus(map));
  const effectiveSites = effectiveSitesSource(store, data);
  const poles = polesSource(data);
  const loadSurroundings = reportSurroundingsSource(data);
  /** Roads and places, once a report has loaded them: every later model names its weak spots' places. */
  let surroundings: WeakSpotSurroundings = {};
  let areas: ReportArea[] = [];
  const areasLoaded = loadAreas(data).then((loadedAreas) => {
    areas = loadedAreas;
    store.getState().setDistrictChoices(toChoices(areas));
  });
  areasLoaded.catch(() => undefined);

  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const recompute = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), RECOMPUTE_DELAY_MS);
  };
  disposers.add(() => clearTimeout(timer));
  /** The open area's report model from the store's current results, or null when none is open. */
  const buildReport = async (): Promise<AreaReport | null> => {
    const target = store.getState().districtTarget;
    if (!target) return null;
    await areasLoaded;
    const area = findArea(areas, target);
    if (!area) return null;
    // Heavy layers wait for first paint, as everywhere else.
    await map.firstIdle;
    const [sites, poleData, infrastructure] = await Promise.all([
      effectiveSites(),
      poles(),
      data.ensure('digitalInfrastructure'),
    ]);
    const { coverageStats, coverageGaps } = store.getState();
    return buildAreaReport({
      area,
      stats: coverageStats,
      gaps: coverageGaps,
      sites,
      poles: poleData.poles,
      poleIndex: poleData.index,
      datacentres: (infrastructure.features as Feature<Point, Record<string, unknown>>[]).filter(
        (feature) => feature.properties.type === 'datacenter_cluster',
      ),
      ...surroundings,
    });
  };
  const rebuild = async () => {
    timer = undefined;
    const current = ++generation;
    const report = await buildReport();
    if (current !== generation || !report) return;
    store.getState().setDistrictReport(report);
  };

  subscribe(
    (state) => state.districtTarget,
    async (target) => {
      if (!target) {
        void focus.clear();
        return;
      }
      await areasLoaded;
      const area = findArea(areas, target);
      if (area) void focus.show(area.geometry, { animate: true });
      recompute();
      // Roads and stations for the report load while the official reads the panel, not after the click.
      void loadSurroundings().then((loaded) => {
        if (surroundings === loaded) return;
        surroundings = loaded;
        recompute();
      });
    },
  );
  subscribe(
    (state) => [state.coverageStats, state.coverageGaps, state.session?.scenario, state.baseline] as const,
    recompute,
    {
      equalityFn: (a, b) => a.every((value, index) => value === b[index]),
    },
  );

  // The highlight follows its weak spot through edits and mode switches (the gap's id changes with its
  // cells), and goes when the gap closes: a frozen outline would hide the live change.
  let highlighted: GapFeature | null = null;
  let followedId: number | null = null;
  subscribe(
    (state) => state.highlightedGapId,
    (gapId) => {
      const gap =
        gapId === null
          ? null
          : store.getState().coverageGaps?.features.find((feature) => feature.properties.id === gapId);
      highlighted = (gap as GapFeature | undefined) ?? null;
      void focus.highlightGap(highlighted, { fly: gapId !== followedId });
      followedId = null;
    },
  );
  subscribe(
    (state) => state.coverageGaps,
    (gaps) => {
      if (!highlighted || !gaps) return;
      const next = followGap(highlighted, gaps.features as GapFeature[]);
      if (next === highlighted) return;
      if (next && next.properties.id === highlighted.properties.id) {
        highlighted = next;
        void focus.highlightGap(next, { fly: false });
        return;
      }
      followedId = next?.properties.id ?? null;
      store.getState().setHighlightedGap(next?.properties.id ?? null);
    },
  );
  if (import.meta.env.MODE === 'e2e') installDistrictTestHook(focus);

  // A district clicked on the map while the district tab is open becomes the open district.
  subscribe(
    (state) => state.selection,
    (selection) => {
      const state = store.getState();
      if (selection?.layerId !== 'districts' || state.activePanelTab !== DISTRICT_TAB_ID) return;
      const adcode = selection.properties.adcode;
      if (typeof adcode === 'string') state.setDistrictTarget({ kind: 'district', adcode });
    },
  );

  subscribe(
    (state) => state.districtReportStatus,
    async (status) => {
      if (status !== 'preparing') return;
      // Loaded since the area was picked; on a slow machine the report opens without them after a while
      // rather than keep the official waiting (the rows then say "—" for the nearest road).
      surroundings = await Promise.race([
        loadSurroundings(),
        new Promise<WeakSpotSurroundings>((resolve) =>
          setTimeout(() => resolve(surroundings), SURROUNDINGS_WAIT_MS),
        ),
      ]);
      const target = store.getState().districtTarget;
      const area = target ? findArea(areas, target) : undefined;
      const report = await buildReport();
      if (report) store.getState().setDistrictReport(report);
      let image: ReturnType<typeof composeReportImage> | null = null;
      if (area) {
        void focus.highlightGap(null);
        focus.fit(area.geometry, false);
        await map.whenIdle();
        image = composeReportImage(
          map.mapLibre,
          (report?.weakSpots ?? [])
            .slice(0, REPORT_WEAK_SPOT_COUNT)
            .map((spot) => ({ rank: spot.rank, coordinates: spot.centroid })),
        );
      }
      if (store.getState().districtReportStatus === 'preparing') {
        store
          .getState()
          .openDistrictReport(
            image?.dataUrl ?? null,
            new Date().toISOString(),
            image ? { scaleBarM: image.scaleBarM, drawnRanks: image.drawnRanks } : null,
            report,
          );
      }
    },
  );
  return disposers.disposer;
}
