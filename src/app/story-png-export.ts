/**
 * PNG export wiring: on each request from the store, renders the map at 2× with title, legend (of the
 * visible layers), scale bar, north arrow and attribution, downloads it, and reports the size.
 */
import { translate } from '../domain/i18n/translate';
import { LAYER_CATALOGUE } from '../domain/layers/catalogue';
import { storyChapter } from '../domain/story/chapters';
import type { AppMap } from '../map/app-map';
import { ATTRIBUTIONS } from '../map/attribution';
import { downloadBlob, exportMapPng, type PngLegendEntry } from '../map/export-png';
import type { AppStore } from '../state/store';

export const PNG_EXPORT_SCALE = 2;

function exportTitle(store: AppStore): { title: string; subtitle: string } {
  const { language, story, districtTarget, districtChoices } = store.getState();
  const appTitle = translate(language, 'app.title');
  const date = new Date().toISOString().slice(0, 10);
  if (story) {
    const chapter = storyChapter(story.chapter);
    return {
      title: `${translate(language, chapter.titleKey)} · ${appTitle}`,
      subtitle: `${translate(language, 'app.subtitle')} · ${date}`,
    };
  }
  const choice = districtTarget
    ? districtChoices.find((entry) => JSON.stringify(entry.target) === JSON.stringify(districtTarget))
    : undefined;
  const name = choice ? (language === 'en' ? choice.nameEn : choice.name) : null;
  return {
    title: name ? `${name} · ${appTitle}` : appTitle,
    subtitle: `${translate(language, 'app.subtitle')} · ${date}`,
  };
}

function legendEntries(store: AppStore): PngLegendEntry[] {
  const { language, visibleLayers } = store.getState();
  return LAYER_CATALOGUE.filter((layer) => visibleLayers[layer.id]).flatMap((layer) =>
    layer.legend.map((entry) => ({
      label: translate(language, entry.labelKey),
      color: entry.swatch.color,
      shape: entry.swatch.shape,
    })),
  );
}

/** Follows store.pngExportRequest; returns the disposer. */
export function wirePngExport(store: AppStore, map: AppMap): () => void {
  return store.subscribe(
    (state) => state.pngExportRequest,
    async () => {
      try {
        const { title, subtitle } = exportTitle(store);
        const result = await exportMapPng(map.mapLibre, {
          title,
          subtitle,
          legend: legendEntries(store),
          attribution: ATTRIBUTIONS,
          scale: PNG_EXPORT_SCALE,
        });
        const safeTitle = title.split(' · ')[0]!.replace(/[\\/:*?"<>|\s]+/g, '-');
        downloadBlob(result.blob, `${safeTitle}-${new Date().toISOString().slice(0, 10)}.png`);
        store.getState().setPngExportStatus('done', { width: result.width, height: result.height });
      } catch (error) {
        console.warn('PNG export failed:', error instanceof Error ? error.message : error);
        store.getState().setPngExportStatus('error');
      }
    },
  );
}
