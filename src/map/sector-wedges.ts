/**
 * Sectors drawn as what they are: a wedge the width of the sector's horizontal beam, pointing along its
 * azimuth, with a tick from the mast along the azimuth past the wedge's rim, so a planner reads which
 * way each sector faces. Omni sites (no azimuth) stay dots. The wedges are icons drawn once per colour
 * and beam-width class on a canvas (no sprite file, nothing fetched) and rotated by MapLibre with the
 * map (`icon-rotation-alignment: map`), so 100,000 sectors cost no more than 100,000 dots.
 */
import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';

/** From this zoom sectors draw as wedges (street zoom); below it one dot per mast position. */
export const WEDGE_MIN_ZOOM = 14;
const PREFIX = 'sector-wedge:';
/** Beam-width classes the wedges are drawn in (degrees); a sector takes the nearest. */
const BEAM_CLASSES_DEG = [30, 65, 90, 120] as const;
const ICON_PX = 64;
const PIXEL_RATIO = 2;

/** The icon name of a colour and a beam class, e.g. `sector-wedge:#1f6feb:65`. */
export const wedgeIconName = (color: string, beamDeg: number): string => `${PREFIX}${color}:${beamDeg}`;

/** MapLibre expression naming a sector's wedge icon in `color` (by its `beamwidthDeg`, 65° when unset). */
export function wedgeIconExpression(color: string): ExpressionSpecification {
  const beam: ExpressionSpecification = ['coalesce', ['get', 'beamwidthDeg'], 65];
  return [
    'step',
    beam,
    wedgeIconName(color, 30),
    47.5,
    wedgeIconName(color, 65),
    77.5,
    wedgeIconName(color, 90),
    105,
    wedgeIconName(color, 120),
  ];
}

/** Filters: sectors with an azimuth (wedges), and the rest (dots). */
export const HAS_AZIMUTH: FilterSpecification = ['has', 'azimuthDeg'];
export const NO_AZIMUTH: FilterSpecification = ['!', ['has', 'azimuthDeg']];

/** Layout of a wedge symbol layer in `color`. */
export function wedgeLayout(color: string) {
  return {
    'icon-image': wedgeIconExpression(color),
    'icon-rotate': ['coalesce', ['get', 'azimuthDeg'], 0] as ExpressionSpecification,
    'icon-rotation-alignment': 'map' as const,
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
    'icon-size': [
      'interpolate',
      ['linear'],
      ['zoom'],
      WEDGE_MIN_ZOOM,
      0.45,
      16,
      0.8,
      18,
      1.3,
    ] as ExpressionSpecification,
  };
}

/**
 * The wedge image: apex at the icon's centre (the mast), opening north by `beamDeg`, with the azimuth
 * tick; MapLibre rotates it to the sector's azimuth about the centre.
 */
export function drawWedge(color: string, beamDeg: number): ImageData {
  const size = ICON_PX * PIXEL_RATIO;
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas for the sector wedges');
  const centre = size / 2;
  const radius = size * 0.36;
  const half = (beamDeg / 2) * (Math.PI / 180);
  // Canvas angles run clockwise from east; north is −90°.
  const north = -Math.PI / 2;
  context.beginPath();
  context.moveTo(centre, centre);
  context.arc(centre, centre, radius, north - half, north + half);
  context.closePath();
  context.fillStyle = color;
  context.globalAlpha = 0.45;
  context.fill();
  context.globalAlpha = 1;
  context.lineWidth = PIXEL_RATIO * 1.5;
  context.strokeStyle = color;
  context.stroke();
  // The azimuth tick, past the rim.
  context.beginPath();
  context.moveTo(centre, centre);
  context.lineTo(centre, centre - size * 0.48);
  context.lineWidth = PIXEL_RATIO * 2;
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

/** Draws wedge icons on demand when a layer asks for one the map lacks. Returns the listener's remover. */
export function provideWedgeIcons(map: MapLibreMap): () => void {
  const onMissing = (event: { id: string }) => {
    if (!event.id.startsWith(PREFIX) || map.hasImage(event.id)) return;
    const [color, beam] = event.id.slice(PREFIX.length).split(':');
    const beamDeg = Number(beam);
    if (!color || !BEAM_CLASSES_DEG.includes(beamDeg as (typeof BEAM_CLASSES_DEG)[number])) return;
    map.addImage(event.id, drawWedge(color, beamDeg), { pixelRatio: PIXEL_RATIO });
  };
  map.on('styleimagemissing', onMissing);
  return () => map.off('styleimagemissing', onMissing);
}
