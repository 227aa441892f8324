/**
 * Colours of the coverage layers, shared by the legend, the panel and (through app/ wiring) the map
 * layers, so a swatch always matches what is drawn. Raster colours come from the engine's renderer.
 */
import { CLASS_COLOURS, COVERED_COLOUR, UNCOVERED_COLOUR } from '../../domain/coverage/coverage-image';
import {
  NO_COVERAGE_COLOUR,
  RATE_BIN_EDGES_MBPS,
  RATE_COLOURS,
  SINR_GRADE_COLOURS,
} from '../../domain/coverage/radio-image';
import type { MessageKey } from '../../domain/i18n/translate';
import type { RsrpClass } from '../../domain/propagation/link-budget';
import { SINR_GRADE_EDGES_DB, type SinrGrade } from '../../domain/propagation/throughput';

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

/** The message naming each RSRP class, for every legend, figure and setting that names one. */
export const RSRP_CLASS_LABEL_KEYS = {
  excellent: 'coverage.rsrp.excellent',
  good: 'coverage.rsrp.good',
  fair: 'coverage.rsrp.fair',
  poor: 'coverage.rsrp.poor',
  very_poor: 'coverage.rsrp.veryPoor',
} as const satisfies Readonly<Record<RsrpClass, MessageKey>>;

export const COVERED_CSS = css(COVERED_COLOUR);
export const UNCOVERED_CSS = css(UNCOVERED_COLOUR);

/** Gap outlines and fills by priority: a magenta ramp, apart from the raster's red–green. */
export const GAP_PRIORITY_CSS = { high: '#7a0177', medium: '#c51b8a', low: '#f768a1' } as const;
export const FOOTPRINT_CSS = '#0b3d91';
/** Quality gaps sit where the SINR image is orange to red: a dark teal dashed edge stands out there. */
export const QUALITY_GAP_CSS = '#01665e';

/** Opaque CSS colour of each SINR grade, as the SINR image draws it. */
export const SINR_GRADE_CSS = Object.fromEntries(
  SINR_GRADE_EDGES_DB.map(({ grade }, index) => [grade, css(SINR_GRADE_COLOURS[index]!)]),
) as Readonly<Record<SinrGrade, string>>;

export const SINR_GRADE_KEYS: Readonly<Record<SinrGrade, MessageKey>> = {
  excellent: 'coverage.sinr.excellent',
  good: 'coverage.sinr.good',
  fair: 'coverage.sinr.fair',
  poor: 'coverage.sinr.poor',
  bad: 'coverage.sinr.bad',
};

/** The rate image's bins, slow → fast: CSS colour and the bin's edges (Mbit/s; undefined = open). */
export const RATE_BINS: readonly { colour: string; fromMbps?: number; toMbps?: number }[] = RATE_COLOURS.map(
  (rgba, index) => ({
    colour: css(rgba),
    ...(index > 0 ? { fromMbps: RATE_BIN_EDGES_MBPS[index - 1]! } : {}),
    ...(index < RATE_BIN_EDGES_MBPS.length ? { toMbps: RATE_BIN_EDGES_MBPS[index]! } : {}),
  }),
);

export const NO_COVERAGE_CSS = css(NO_COVERAGE_COLOUR);
