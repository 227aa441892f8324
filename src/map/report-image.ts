/**
 * The district report's map: the map canvas as shown, with each listed weak spot's rank drawn at its
 * centroid (the numbers of the report's table), a scale bar and a north arrow, so the printed page
 * stands on its own. The drawing buffer is preserved (AppMap), so the canvas is readable after idle.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawNorthArrow, drawScaleBar, FONT_FAMILY } from './png-furniture';

export interface ReportMarker {
  rank: number;
  coordinates: readonly [number, number];
}

export interface ReportImage {
  dataUrl: string;
  /** Length of the drawn scale bar, metres. */
  scaleBarM: number;
  /** Ranks drawn (those whose centroid lies in the view). */
  drawnRanks: number[];
}

const MARKER_RADIUS_PX = 10;

/** Composes the report image from the map as it is now (call after the map is idle). */
export function composeReportImage(map: MapLibreMap, markers: readonly ReportMarker[]): ReportImage {
  const source = map.getCanvas();
  const cssWidth = map.getContainer().clientWidth;
  const cssHeight = map.getContainer().clientHeight;
  const ratio = cssWidth > 0 ? source.width / cssWidth : 1;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  context.drawImage(source, 0, 0);
  context.scale(ratio, ratio);
  const drawnRanks: number[] = [];
  // Lowest priority first, so the highest-ranked numbers end up on top where markers overlap.
  for (const marker of [...markers].sort((left, right) => right.rank - left.rank)) {
    const point = map.project([marker.coordinates[0], marker.coordinates[1]]);
    if (point.x < 0 || point.y < 0 || point.x > cssWidth || point.y > cssHeight) continue;
    drawMarker(context, point.x, point.y, marker.rank);
    drawnRanks.push(marker.rank);
  }
  const scaleBarM = drawScaleBar(
    context,
    { latitude: map.getCenter().lat, zoom: map.getZoom() },
    cssWidth,
    cssHeight,
  );
  drawNorthArrow(context, map.getBearing(), cssWidth);
  return { dataUrl: canvas.toDataURL('image/png'), scaleBarM, drawnRanks: drawnRanks.sort((a, b) => a - b) };
}

function drawMarker(context: CanvasRenderingContext2D, x: number, y: number, rank: number): void {
  context.beginPath();
  context.arc(x, y, MARKER_RADIUS_PX, 0, Math.PI * 2);
  context.fillStyle = '#ffffff';
  context.fill();
  context.lineWidth = 2;
  context.strokeStyle = '#c92a2a';
  context.stroke();
  context.fillStyle = '#c92a2a';
  context.font = `700 11px ${FONT_FAMILY}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(String(rank), x, y + 0.5);
  context.textAlign = 'left';
  context.textBaseline = 'alphabetic';
}
