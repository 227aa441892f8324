/**
 * PNG export of the map for slides: a 16:9 frame (1920×1080, or 3840×2160 at 2×) whatever the window's
 * shape. The map container is laid out at SLIDE_FRAME_CSS for the export, the camera keeps the view's
 * centre and zooms so what was on screen fits, and the WebGL canvas is rendered at output/frame pixel
 * ratio; title, key figures, legend, scale bar, north arrow, attribution and the sample-data badge are
 * drawn on a 2D canvas over it. Layout, camera and pixel ratio are restored after. The drawing buffer is
 * preserved (AppMap sets preserveDrawingBuffer), so the canvas is readable.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  type DrawnText,
  drawAttribution,
  drawHeading,
  drawLegend,
  drawNorthArrow,
  drawSampleBadge,
  drawScaleBar,
  type Furniture,
  type PngLegendSection,
} from './png-furniture';

export type { DrawnText, PngLegendEntry, PngLegendSection } from './png-furniture';

/** The slide frame the map is laid out in, CSS pixels (16:9); output sizes are multiples of it. */
export const SLIDE_FRAME_CSS = { width: 1280, height: 720 } as const;

/** Output sizes offered: 1 = 1920×1080 (full HD slide), 2 = 3840×2160. */
export type SlideScale = 1 | 2;
export const SLIDE_OUTPUT = {
  1: { width: 1920, height: 1080 },
  2: { width: 3840, height: 2160 },
} as const satisfies Record<SlideScale, { width: number; height: number }>;

export interface PngExportOptions {
  /** Scenario or chapter; the first line of the heading. */
  title: string;
  /** Key figures under the title (coverage, mode, scenario). */
  figures: readonly string[];
  /** Product name and date. */
  subtitle: string;
  legend: readonly PngLegendSection[];
  /** One line of sources and licences. */
  attribution: string;
  /** The 示意数据 badge (label and note), or null when nothing synthetic is shown. */
  sample: { label: string; note: string } | null;
  scale: SlideScale;
}

export interface PngExport {
  blob: Blob;
  width: number;
  height: number;
  /** Every text drawn over the map, in output pixels. */
  texts: DrawnText[];
}

function whenRendered(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** The zoom at which what a width × height view showed at `zoom` fits in the slide frame. */
export function slideZoom(zoom: number, view: { width: number; height: number }): number {
  if (view.width <= 0 || view.height <= 0) return zoom;
  const fit = Math.min(SLIDE_FRAME_CSS.width / view.width, SLIDE_FRAME_CSS.height / view.height);
  return zoom + Math.log2(fit);
}

/** Lays the map out in the slide frame and renders it at the output's pixel ratio; returns an undo. */
async function frameMap(map: MapLibreMap, scale: SlideScale): Promise<() => void> {
  const container = map.getContainer();
  const frameStyle = {
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${SLIDE_FRAME_CSS.width}px`,
    height: `${SLIDE_FRAME_CSS.height}px`,
    zIndex: '50',
  } as const;
  // Restored through the CSSOM: rewriting the style attribute is inline style, which the CSP refuses.
  const previousStyle = Object.fromEntries(
    Object.keys(frameStyle).map((name) => [name, container.style[name as keyof typeof frameStyle]]),
  );
  const view = { width: container.clientWidth, height: container.clientHeight };
  const camera = {
    center: map.getCenter(),
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };
  const previousRatio = map.getPixelRatio();
  // Fixed, so the page's grid keeps its tracks while the map is briefly laid out at the frame's size.
  Object.assign(container.style, frameStyle);
  map.resize();
  map.jumpTo({ ...camera, zoom: slideZoom(camera.zoom, view) });
  map.setPixelRatio(SLIDE_OUTPUT[scale].width / SLIDE_FRAME_CSS.width);
  await whenRendered(map);
  return () => {
    Object.assign(container.style, previousStyle);
    map.setPixelRatio(previousRatio);
    map.resize();
    map.jumpTo(camera);
  };
}

/** Renders the slide and composes the furniture over it. */
export async function exportMapPng(map: MapLibreMap, options: PngExportOptions): Promise<PngExport> {
  const restore = await frameMap(map, options.scale);
  try {
    const { width, height } = SLIDE_OUTPUT[options.scale];
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2D canvas unavailable');
    context.drawImage(map.getCanvas(), 0, 0, width, height);
    context.scale(width / SLIDE_FRAME_CSS.width, height / SLIDE_FRAME_CSS.height);
    const frame = SLIDE_FRAME_CSS;
    const furniture: Furniture = { context, texts: [] };
    const headingBottom = drawHeading(furniture, options, frame.width);
    if (options.sample) drawSampleBadge(furniture, options.sample.label, options.sample.note, headingBottom);
    drawLegend(furniture, options.legend, frame.height);
    drawScaleBar(context, { latitude: map.getCenter().lat, zoom: map.getZoom() }, frame.width, frame.height);
    drawNorthArrow(context, map.getBearing(), frame.width);
    drawAttribution(furniture, options.attribution, frame.width, frame.height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (result) => (result ? resolve(result) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
    return { blob, width, height, texts: furniture.texts };
  } finally {
    restore();
  }
}

/** Saves a blob as a file through a temporary object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
