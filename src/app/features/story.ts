/**
 * Story mode wiring: follows store.story — on entering it remembers the layers and view, on each step
 * shows the chapter's layers, moves the camera (eased, never waiting on the engine), pulses the step's
 * zones and extrudes data-centre clusters where the chapter asks; on leaving it restores what was there.
 * Also opens a chapter from the link (`#…&story=2`), counts per-zone figures and wires PNG export.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { type Disposer, Disposers } from '../../domain/disposers';
import type { LayerId } from '../../domain/layers/catalogue';
import type { ReportArea } from '../../domain/report/area-report';
import { facilitiesInZones, zoneFigures } from '../../domain/report/zone-figures';
import type { StoryPosition } from '../../domain/story/chapters';
import { storyChapter, storyStep } from '../../domain/story/chapters';
import { StoryChoreography } from '../../map/story-choreography';
import { effectiveSitesSource, loadAreas } from '../../services/area-data';
import type { MapView } from '../../state/slices';
import { parseHash } from '../../state/url-hash';
import type { AppContext } from '../app-context';
import { wirePngExport } from '../png-export';
import { installStoryTestHook } from '../story-test-hook';
import { trackedSubscribe } from '../subscriptions';

/** Wires the story feature into the app. */
export function wireStory({ store, map, data, initialHash }: AppContext): Disposer {
  const disposers = new Disposers();
  const subscribe = trackedSubscribe(store, disposers);
  const choreography = disposers.add(new StoryChoreography(map));
  const zonesLoaded = data.ensure('planZones').then((zones) => {
    choreography.setZones(zones as FeatureCollection<Polygon | MultiPolygon, { id: string }>);
  });
  const infrastructure = data.ensure('digitalInfrastructure');
  void infrastructure.then((collection) =>
    choreography.setDatacentres(collection.features as Feature<Point, Record<string, unknown>>[]),
  );

  let areas: Promise<ReportArea[]> | null = null;
  // The facilities a chapter's figures count are drawn at full strength, the rest dimmed, so the number
  // on the card is the number of markers standing out on the map (issue 13, item 11).
  const highlightCounted = async (position: StoryPosition) => {
    const chapter = storyChapter(position.chapter);
    if (chapter.figures !== 'wings') return choreography.highlightFacilities(null);
    areas ??= loadAreas(data);
    const [zoneAreas, facilities] = await Promise.all([areas, infrastructure]);
    if (store.getState().story !== position) return;
    const points = facilities.features as Feature<Point, Record<string, unknown>>[];
    await choreography.highlightFacilities(
      facilitiesInZones(zoneAreas, storyStep(position).figureZoneIds, points),
    );
  };
  if (import.meta.env.MODE === 'e2e') installStoryTestHook(map, choreography);

  let saved: { layers: LayerId[]; view: MapView } | null = null;
  subscribe(
    (state) => state.story,
    async (position, previous) => {
      const state = store.getState();
      if (!position) {
        document.documentElement.removeAttribute('data-presenting');
        await choreography.reset();
        if (saved) {
          state.showOnlyLayers(saved.layers);
          map.jumpTo(saved.view);
          saved = null;
        }
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        return;
      }
      if (!previous) {
        saved = {
          layers: (Object.keys(state.visibleLayers) as LayerId[]).filter((id) => state.visibleLayers[id]),
          view: map.getView(),
        };
        document.documentElement.dataset.presenting = 'true';
      }
      const chapter = storyChapter(position.chapter);
      const step = storyStep(position);
      state.showOnlyLayers(chapter.layers);
      await zonesLoaded.catch(() => undefined);
      if (store.getState().story !== position) return;
      choreography.moveCamera(step.camera, previous !== null);
      void choreography.emphasise(step.emphasisZoneIds);
      void choreography.setExtrusionVisible(chapter.extrudeDatacentres);
      void highlightCounted(position);
    },
  );

  // Zone figures are shown only while presenting: counted when story mode opens and again when the
  // scenario changes during it. Counting on every edit outside story mode stalled the planner's drags
  // with point-in-polygon tests at 70,000 sites (docs/measurements.md, Map and main thread).
  const effectiveSites = effectiveSitesSource(store, data);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let counted: unknown; // the scenario (or baseline) the figures were counted for
  const countZones = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(async () => {
      const state = store.getState();
      const scenario = state.session?.scenario ?? state.baseline ?? null;
      if (!state.story || counted === scenario) return;
      areas ??= loadAreas(data);
      const [zoneAreas, sites, facilities] = await Promise.all([areas, effectiveSites(), infrastructure]);
      counted = scenario;
      store
        .getState()
        .setStoryZoneFigures(
          zoneFigures(zoneAreas, sites, facilities.features as Feature<Point, Record<string, unknown>>[]),
        );
    }, 200);
  };
  subscribe((state) => state.story !== null, countZones, { fireImmediately: true });
  subscribe((state) => state.session?.scenario, countZones);
  disposers.add(() => clearTimeout(timer));

  disposers.add(wirePngExport(store, map));

  const linked = parseHash(initialHash).story;
  if (linked !== undefined) store.getState().startStory(linked);
  return disposers.disposer;
}
