/**
 * Colours of the coverage layers, shared by the legend, the panel and (through app/ wiring) the map
 * layers, so a swatch always matches what is drawn. Raster colours come from the engine's renderer.
 */
import { CLASS_COLOURS, COVERED_COLOUR, UNCOVERED_COLOUR } from '../../domain/coverage/coverage-image';
import type { RsrpClass } from '../../domain/propagation/link-budget';

const css = (rgba: readonly number[]): string => `rgb(${rgba[0]} ${rgba[1]} ${rgba[2]})`;

export const RSRP_CLASS_ORDER: readonly RsrpClass[] = ['excellent', 'good', 'fair', 'poor', 'very_poor'];

/** Opaque CSS colour of each RSRP class, as the raster draws it (before its transparency). */
export const RSRP_CLASS_CSS: Readonly<Record<RsrpClass, string>> = {
  excellent: css(CLASS_COLOURS[0]!),
  good: css(CLASS_COLOURS[1]!),
  fair: css(CLASS_COLOURS[2]!),
  poor: css(CLASS_COLOURS[3]!),
  very_poor: css(CLASS_COLOURS[4]!),
};

export const COVERED_CSS = css(COVERED_COLOUR);
export const UNCOVERED_CSS = css(UNCOVERED_COLOUR);

/** Gap outlines and fills by priority: a magenta ramp, apart from the raster's red–green. */
export const GAP_PRIORITY_CSS = { high: '#7a0177', medium: '#c51b8a', low: '#f768a1' } as const;
export const FOOTPRINT_CSS = '#0b3d91';
