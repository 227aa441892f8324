/**
 * The furniture drawn over an exported or printed map: panels, title and key figures, legend, scale bar,
 * north arrow, attribution and the sample-data badge. Every text goes through `drawText`, which records
 * what was drawn where (in output pixels), so an export can report its own content.
 */

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const INK = '#1f2933';
const MUTED = '#5b6776';
/** The sample-data badge: the app's sample colour, white text. */
export const SAMPLE_BADGE_CSS = '#a85200';

export interface PngLegendEntry {
  label: string;
  color: string;
  shape: 'fill' | 'line' | 'circle' | 'ring';
}

export interface PngLegendSection {
  title: string;
  entries: readonly PngLegendEntry[];
}

/** A text drawn on the image: its string and box in output pixels (left, baseline-independent top). */
export interface DrawnText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A 2D context whose text draws are recorded, in output pixels. */
export interface Furniture {
  context: CanvasRenderingContext2D;
  texts: DrawnText[];
}

/** Draws `text` with its left edge at x and its vertical middle at y (CSS pixels), and records it. */
export function drawText(furniture: Furniture, text: string, x: number, y: number, maxWidth?: number): void {
  const { context } = furniture;
  const metrics = context.measureText(text);
  const width = Math.min(metrics.width, maxWidth ?? Number.POSITIVE_INFINITY);
  const height = metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent;
  const left = context.textAlign === 'center' ? x - width / 2 : x;
  context.textBaseline = 'middle';
  if (maxWidth === undefined) context.fillText(text, x, y);
  else context.fillText(text, x, y, maxWidth);
  context.textBaseline = 'alphabetic';
  const scale = context.getTransform().a;
  furniture.texts.push({
    text,
    x: Math.round(left * scale),
    y: Math.round((y - height / 2) * scale),
    width: Math.round(width * scale),
    height: Math.round(height * scale),
  });
}

export function panel(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  context.fillStyle = 'rgba(255, 255, 255, 0.92)';
  context.strokeStyle = '#d9dee5';
  context.lineWidth = 1;
  context.beginPath();
  context.roundRect(x, y, width, height, 6);
  context.fill();
  context.stroke();
}

/** A "nice" scale-bar length (1, 2 or 5 × 10ⁿ metres) no longer than maxMetres. */
export function niceScaleLengthM(maxMetres: number): number {
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  for (const step of [5, 2, 1]) if (step * power <= maxMetres) return step * power;
  return power;
}

/** Title, key figures and subtitle in one panel at the top left; returns the panel's bottom edge. */
export function drawHeading(
  furniture: Furniture,
  heading: { title: string; figures: readonly string[]; subtitle: string },
  width: number,
): number {
  const { context } = furniture;
  const maxText = width * 0.6;
  const rows: { text: string; font: string; colour: string; height: number }[] = [
    { text: heading.title, font: `600 22px ${FONT_FAMILY}`, colour: INK, height: 30 },
    ...heading.figures.map((text) => ({ text, font: `15px ${FONT_FAMILY}`, colour: INK, height: 22 })),
    { text: heading.subtitle, font: `12px ${FONT_FAMILY}`, colour: MUTED, height: 20 },
  ];
  const textWidth = Math.max(
    ...rows.map((row) => {
      context.font = row.font;
      return context.measureText(row.text).width;
    }),
  );
  const boxWidth = Math.min(maxText, textWidth) + 32;
  const boxHeight = rows.reduce((sum, row) => sum + row.height, 0) + 16;
  panel(context, 16, 16, boxWidth, boxHeight);
  let y = 24;
  for (const row of rows) {
    context.font = row.font;
    context.fillStyle = row.colour;
    drawText(furniture, row.text, 32, y + row.height / 2, maxText);
    y += row.height;
  }
  return 16 + boxHeight;
}

/** The sample-data badge under the heading: bold label, then its note. */
export function drawSampleBadge(furniture: Furniture, label: string, note: string, top: number): void {
  const { context } = furniture;
  context.font = `700 14px ${FONT_FAMILY}`;
  const labelWidth = context.measureText(label).width;
  context.font = `12px ${FONT_FAMILY}`;
  const noteWidth = context.measureText(note).width;
  context.fillStyle = SAMPLE_BADGE_CSS;
  context.beginPath();
  context.roundRect(16, top + 8, labelWidth + noteWidth + 40, 28, 14);
  context.fill();
  context.fillStyle = '#ffffff';
  context.font = `700 14px ${FONT_FAMILY}`;
  drawText(furniture, label, 30, top + 22);
  context.font = `12px ${FONT_FAMILY}`;
  drawText(furniture, note, 42 + labelWidth, top + 22);
}

/** The legend's sections, bottom left, above the attribution line. */
export function drawLegend(
  furniture: Furniture,
  sections: readonly PngLegendSection[],
  height: number,
): void {
  const { context } = furniture;
  const rows = sections.filter((section) => section.entries.length > 0);
  if (rows.length === 0) return;
  const rowHeight = 20;
  context.font = `600 13px ${FONT_FAMILY}`;
  const titleWidths = rows.map((section) => context.measureText(section.title).width);
  context.font = `12px ${FONT_FAMILY}`;
  const entryWidths = rows.flatMap((section) =>
    section.entries.map((entry) => context.measureText(entry.label).width + 28),
  );
  const boxWidth = Math.max(...titleWidths, ...entryWidths) + 28;
  const count = rows.reduce((sum, section) => sum + section.entries.length + 1, 0);
  const boxHeight = count * rowHeight + 16;
  const top = height - boxHeight - 36;
  panel(context, 16, top, boxWidth, boxHeight);
  let y = top + 8 + rowHeight / 2;
  for (const section of rows) {
    context.font = `600 13px ${FONT_FAMILY}`;
    context.fillStyle = INK;
    drawText(furniture, section.title, 30, y);
    y += rowHeight;
    context.font = `12px ${FONT_FAMILY}`;
    for (const entry of section.entries) {
      drawSwatch(context, entry, 40, y);
      context.fillStyle = INK;
      drawText(furniture, entry.label, 56, y);
      y += rowHeight;
    }
  }
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
    context.globalAlpha = 0.6;
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

/** Draws a scale bar bottom-right (`bottom` CSS pixels above the edge); returns its length in metres. */
export function drawScaleBar(
  context: CanvasRenderingContext2D,
  view: { latitude: number; zoom: number },
  width: number,
  height: number,
  bottom = 44,
): number {
  // Web Mercator with MapLibre's 512-px tiles: metres per CSS pixel at the centre latitude.
  const metresPerPixel =
    (EARTH_CIRCUMFERENCE_M * Math.cos((view.latitude * Math.PI) / 180)) / (512 * 2 ** view.zoom);
  const lengthM = niceScaleLengthM(metresPerPixel * 120);
  const lengthPx = lengthM / metresPerPixel;
  const label = lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m`;
  const x = width - lengthPx - 28;
  const y = height - bottom;
  panel(context, x - 10, y - 22, lengthPx + 20, 32);
  context.strokeStyle = INK;
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(x, y - 6);
  context.lineTo(x, y);
  context.lineTo(x + lengthPx, y);
  context.lineTo(x + lengthPx, y - 6);
  context.stroke();
  context.fillStyle = INK;
  context.font = `12px ${FONT_FAMILY}`;
  context.textAlign = 'center';
  context.fillText(label, x + lengthPx / 2, y - 8);
  context.textAlign = 'left';
  return lengthM;
}

export function drawNorthArrow(context: CanvasRenderingContext2D, bearingDeg: number, width: number): void {
  const centreX = width - 36;
  const centreY = 48;
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
  context.fillStyle = INK;
  context.fill();
  context.restore();
  context.fillStyle = INK;
  context.font = `600 12px ${FONT_FAMILY}`;
  context.textAlign = 'center';
  context.fillText('N', centreX, centreY - 16);
  context.textAlign = 'left';
}

/** The sources and licences, one line along the bottom right. */
export function drawAttribution(furniture: Furniture, text: string, width: number, height: number): void {
  const { context } = furniture;
  context.font = `11px ${FONT_FAMILY}`;
  const textWidth = Math.min(context.measureText(text).width, width - 32);
  context.fillStyle = 'rgba(255, 255, 255, 0.88)';
  context.fillRect(width - textWidth - 16, height - 22, textWidth + 16, 22);
  context.fillStyle = '#3b4654';
  drawText(furniture, text, width - textWidth - 8, height - 11, width - 32);
}
