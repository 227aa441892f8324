/**
 * PNG export of the current map view for slides: the WebGL canvas re-rendered at 2× (setPixelRatio),
 * with a title bar, legend, scale bar, north arrow and attribution drawn on a 2D canvas over it.
 * The drawing buffer is preserved (AppMap sets preserveDrawingBuffer), so the canvas is readable.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PngLegendEntry {
  label: string;
  color: string;
  shape: 'fill' | 'line' | 'circle' | 'ring';
}

export interface PngExportOptions {
  title: string;
  subtitle: string;
  legend: readonly PngLegendEntry[];
  attribution: readonly string[];
  /** Output pixels per CSS pixel of the map's viewport. */
  scale: number;
}

export interface PngExport {
  blob: Blob;
  width: number;
  height: number;
}

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

function whenRendered(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** A "nice" scale-bar length (1, 2 or 5 × 10ⁿ metres) no longer than maxMetres. */
export function niceScaleLengthM(maxMetres: number): number {
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  for (const step of [5, 2, 1]) if (step * power <= maxMetres) return step * power;
  return power;
}

/** Renders the map at `scale`× and composites the furniture; the map's pixel ratio is restored after. */
export async function exportMapPng(map: MapLibreMap, options: PngExportOptions): Promise<PngExport> {
  const container = map.getContainer();
  const cssWidth = container.clientWidth;
  const cssHeight = container.clientHeight;
  const previousRatio = map.getPixelRatio();
  map.setPixelRatio(options.scale);
  try {
    await whenRendered(map);
    const source = map.getCanvas();
    const width = Math.round(cssWidth * options.scale);
    const height = Math.round(cssHeight * options.scale);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2D canvas unavailable');
    context.drawImage(source, 0, 0, width, height);
    context.scale(options.scale, options.scale);
    drawTitle(context, options, cssWidth);
    drawLegend(context, options.legend, cssHeight);
    drawScaleBar(context, map, cssWidth, cssHeight);
    drawNorthArrow(context, map.getBearing(), cssWidth);
    drawAttribution(context, options.attribution, cssWidth, cssHeight);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (result) => (result ? resolve(result) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
    return { blob, width, height };
  } finally {
    map.setPixelRatio(previousRatio);
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

export function panel(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  context.fillStyle = 'rgba(255, 255, 255, 0.9)';
  context.strokeStyle = '#d9dee5';
  context.lineWidth = 1;
  context.beginPath();
  context.roundRect(x, y, width, height, 6);
  context.fill();
  context.stroke();
}

function drawTitle(context: CanvasRenderingContext2D, options: PngExportOptions, width: number): void {
  context.font = `600 18px ${FONT_FAMILY}`;
  const titleWidth = context.measureText(options.title).width;
  context.font = `13px ${FONT_FAMILY}`;
  const subtitleWidth = context.measureText(options.subtitle).width;
  const boxWidth = Math.min(width - 24, Math.max(titleWidth, subtitleWidth) + 28);
  panel(context, 12, 12, boxWidth, 56);
  context.fillStyle = '#1f2933';
  context.font = `600 18px ${FONT_FAMILY}`;
  context.fillText(options.title, 26, 36, boxWidth - 28);
  context.fillStyle = '#5b6776';
  context.font = `13px ${FONT_FAMILY}`;
  context.fillText(options.subtitle, 26, 57, boxWidth - 28);
}

function drawLegend(
  context: CanvasRenderingContext2D,
  legend: readonly PngLegendEntry[],
  height: number,
): void {
  if (legend.length === 0) return;
  const rowHeight = 20;
  context.font = `12px ${FONT_FAMILY}`;
  const boxWidth = Math.max(...legend.map((entry) => context.measureText(entry.label).width)) + 48;
  const boxHeight = legend.length * rowHeight + 16;
  const top = height - boxHeight - 44;
  panel(context, 12, top, boxWidth, boxHeight);
  legend.forEach((entry, index) => {
    const y = top + 8 + index * rowHeight + rowHeight / 2;
    drawSwatch(context, entry, 28, y);
    context.fillStyle = '#1f2933';
    context.textBaseline = 'middle';
    context.fillText(entry.label, 44, y);
    context.textBaseline = 'alphabetic';
  });
}

function drawSwatch(context: CanvasRenderingContext2D, entry: PngLegendEntry, x: number, y: number): void {
  context.lineWidth = 2;
  context.strokeStyle = entry.color;
  context.fillStyle = entry.color;
  if (entry.shape === 'line') {
    context.beginPath();
    context.moveTo(x - 8, y);
    context.lineTo(x + 8, y);
    context.stroke();
  } else if (entry.shape === 'fill') {
    context.globalAlpha = 0.3;
    context.fillRect(x - 7, y - 6, 14, 12);
    context.globalAlpha = 1;
    context.strokeRect(x - 7, y - 6, 14, 12);
  } else {
    context.beginPath();
    context.arc(x, y, 5, 0, Math.PI * 2);
    if (entry.shape === 'circle') context.fill();
    else {
      context.fillStyle = '#ffffff';
      context.fill();
      context.lineWidth = 2.5;
      context.stroke();
    }
  }
}

/** Draws a scale bar bottom-right; returns the bar's length in metres. */
export function drawScaleBar(
  context: CanvasRenderingContext2D,
  map: MapLibreMap,
  width: number,
  height: number,
): number {
  const latitude = map.getCenter().lat;
  // Web Mercator with MapLibre's 512-px tiles: metres per CSS pixel at the centre latitude.
  const metresPerPixel =
    (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
  const lengthM = niceScaleLengthM(metresPerPixel * 120);
  const lengthPx = lengthM / metresPerPixel;
  const label = lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m`;
  const x = width - lengthPx - 28;
  const y = height - 44;
  panel(context, x - 10, y - 22, lengthPx + 20, 32);
  context.strokeStyle = '#1f2933';
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(x, y - 6);
  context.lineTo(x, y);
  context.lineTo(x + lengthPx, y);
  context.lineTo(x + lengthPx, y - 6);
  context.stroke();
  context.fillStyle = '#1f2933';
  context.font = `12px ${FONT_FAMILY}`;
  context.textAlign = 'center';
  context.fillText(label, x + lengthPx / 2, y - 8);
  context.textAlign = 'left';
  return lengthM;
}

export function drawNorthArrow(context: CanvasRenderingContext2D, bearingDeg: number, width: number): void {
  const centreX = width - 36;
  const centreY = 44;
  panel(context, centreX - 22, centreY - 30, 44, 60);
  context.save();
  context.translate(centreX, centreY + 6);
  context.rotate((-bearingDeg * Math.PI) / 180);
  context.beginPath();
  context.moveTo(0, -18);
  context.lineTo(8, 10);
  context.lineTo(0, 4);
  context.lineTo(-8, 10);
  context.closePath();
  context.fillStyle = '#1f2933';
  context.fill();
  context.restore();
  context.fillStyle = '#1f2933';
  context.font = `600 12px ${FONT_FAMILY}`;
  context.textAlign = 'center';
  context.fillText('N', centreX, centreY - 16);
  context.textAlign = 'left';
}

function drawAttribution(
  context: CanvasRenderingContext2D,
  attribution: readonly string[],
  width: number,
  height: number,
): void {
  const text = attribution.join(' · ');
  context.font = `11px ${FONT_FAMILY}`;
  const textWidth = Math.min(context.measureText(text).width, width - 24);
  context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.fillRect(width - textWidth - 16, height - 20, textWidth + 16, 20);
  context.fillStyle = '#3b4654';
  context.fillText(text, width - textWidth - 8, height - 6, width - 24);
}
