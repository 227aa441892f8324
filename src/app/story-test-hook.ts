/**
 * Test hook of story mode on window.__e2e.story (end-to-end builds only): the facility markers rendered
 * in the view, with whether each is drawn at full strength (counted by the chapter) or dimmed.
 */
import type { AppMap } from '../map/app-map';
import { FACILITY_MARKER_LAYERS, type StoryChoreography } from '../map/story-choreography';

export interface StoryTestHook {
  renderedFacilities: () => { name: string; type: string; tier: string | null; highlighted: boolean }[];
}

declare module './test-hooks' {
  interface AppTestHook {
    story?: StoryTestHook;
  }
}

export function installStoryTestHook(map: AppMap, choreography: StoryChoreography): void {
  const hook = window.__e2e;
  if (!hook) return;
  hook.story = {
    renderedFacilities: () => {
      const layers = FACILITY_MARKER_LAYERS.filter((id) => map.mapLibre.getLayer(id));
      const seen = new Map<
        string,
        { name: string; type: string; tier: string | null; highlighted: boolean }
      >();
      for (const feature of map.mapLibre.queryRenderedFeatures({ layers })) {
        const name = String(feature.properties.name);
        const highlighted = choreography.highlighted === null || choreography.highlighted.includes(name);
        const tier = typeof feature.properties.tier === 'string' ? feature.properties.tier : null;
        seen.set(name, { name, type: String(feature.properties.type), tier, highlighted });
      }
      return [...seen.values()];
    },
  };
}
