/**
 * 3GPP TR 38.901 V17 Table 7.4.1-1 path loss (dB) for UMa, UMi – Street Canyon, RMa and InH – Office.
 * Distances in metres, carrier frequency in GHz. NLOS is floored by LOS: PL_NLOS = max(PL_LOS, PL'_NLOS).
 * Inputs outside a model's validity range are clamped into it (never extrapolated) and the result says
 * which inputs were clamped, so callers can show it.
 */

export type PropagationModel = 'uma' | 'umi' | 'rma' | 'inh';
export type LinkCondition = 'los' | 'nlos';

export interface PathLossInput {
  model: PropagationModel;
  condition: LinkCondition;
  fcGhz: number;
  d2dM: number;
  hBsM: number;
  hUtM: number;
}

export interface PathLossResult {
  pathLossDb: number;
  /** Names of the inputs that were clamped into the model's validity range. */
  clamped: string[];
  /** The inputs actually used after clamping. */
  used: { fcGhz: number; d2dM: number; hBsM: number; hUtM: number; d3dM: number };
  /** LOS breakpoint distance d'BP (UMa/UMi) or dBP (RMa), metres; undefined for InH. */
  breakpointM: number | undefined;
}

interface Range {
  min: number;
  max: number;
}

/** Validity ranges from Table 7.4.1-1 (and its notes); fc from the 0.5–100 GHz scope of the report. */
export const VALIDITY: Record<
  PropagationModel,
  { fcGhz: Range; hBsM: Range; hUtM: Range; d2dLosM: Range; d2dNlosM: Range }
> = {
  uma: {
    fcGhz: { min: 0.5, max: 100 },
    hBsM: { min: 25, max: 25 },
    hUtM: { min: 1.5, max: 22.5 },
    d2dLosM: { min: 10, max: 5000 },
    d2dNlosM: { min: 10, max: 5000 },
  },
  umi: {
    fcGhz: { min: 0.5, max: 100 },
    hBsM: { min: 10, max: 10 },
    hUtM: { min: 1.5, max: 22.5 },
    d2dLosM: { min: 10, max: 5000 },
    d2dNlosM: { min: 10, max: 5000 },
  },
  rma: {
    fcGhz: { min: 0.5, max: 30 },
    hBsM: { min: 10, max: 150 },
    hUtM: { min: 1, max: 10 },
    d2dLosM: { min: 10, max: 10000 },
    d2dNlosM: { min: 10, max: 5000 },
  },
  inh: {
    fcGhz: { min: 0.5, max: 100 },
    hBsM: { min: 3, max: 3 },
    hUtM: { min: 1, max: 1 },
    d2dLosM: { min: 1, max: 150 },
    d2dNlosM: { min: 1, max: 150 },
  },
};

/**
 * UMa and UMi fix hBS in the table (25 m, 10 m) but the formulas are used with other mast heights in
 * practice; we therefore only clamp hBS for them to a practical 5–50 m (UMa) / 3–25 m (UMi) and
 * keep InH's 1–10 m. This is documented in docs/engine.md.
 */
const PRACTICAL_HBS: Record<PropagationModel, Range> = {
  uma: { min: 5, max: 50 },
  umi: { min: 3, max: 25 },
  rma: VALIDITY.rma.hBsM,
  inh: { min: 1, max: 10 },
};
const PRACTICAL_HUT: Record<PropagationModel, Range> = {
  uma: VALIDITY.uma.hUtM,
  umi: VALIDITY.umi.hUtM,
  rma: VALIDITY.rma.hUtM,
  inh: { min: 0.5, max: 3 },
};

const SPEED_OF_LIGHT = 3.0e8;
/** RMa default building height and street width (Table 7.4.1-1 note). */
export const RMA_BUILDING_HEIGHT_M = 5;
export const RMA_STREET_WIDTH_M = 20;

function clamp(value: number, range: Range, name: string, clamped: string[]): number {
  if (value < range.min) {
    clamped.push(name);
    return range.min;
  }
  if (value > range.max) {
    clamped.push(name);
    return range.max;
  }
  return value;
}

const log10 = Math.log10;

/** UMa/UMi LOS with the effective-height breakpoint d'BP (hE = 1 m). */
function urbanLos(
  d2d: number,
  d3d: number,
  fc: number,
  hBs: number,
  hUt: number,
  intercept: number,
  nearSlope: number,
  farTerm: number,
): number {
  const breakpoint = (4 * (hBs - 1) * (hUt - 1) * fc * 1e9) / SPEED_OF_LIGHT;
  if (d2d <= breakpoint) return intercept + nearSlope * log10(d3d) + 20 * log10(fc);
  return intercept + 40 * log10(d3d) + 20 * log10(fc) - farTerm * log10(breakpoint ** 2 + (hBs - hUt) ** 2);
}

/** RMa PL1 at a distance (module level: a closure per call cost more than the formula in kernel tables). */
function rmaPl1(distance: number, fc: number): number {
  const h = RMA_BUILDING_HEIGHT_M;
  return (
    20 * log10((40 * Math.PI * distance * fc) / 3) +
    Math.min(0.03 * h ** 1.72, 10) * log10(distance) -
    Math.min(0.044 * h ** 1.72, 14.77) +
    0.002 * log10(h) * distance
  );
}

function rmaLos(d2d: number, d3d: number, fc: number, hBs: number, hUt: number): number {
  const breakpoint = (2 * Math.PI * hBs * hUt * fc * 1e9) / SPEED_OF_LIGHT;
  if (d2d <= breakpoint) return rmaPl1(d3d, fc);
  // As written in the table: PL2 = PL1(dBP) + 40·log10(d3D / dBP).
  return rmaPl1(breakpoint, fc) + 40 * log10(d3d / breakpoint);
}

function rmaNlosPrime(d3d: number, fc: number, hBs: number, hUt: number): number {
  const h = RMA_BUILDING_HEIGHT_M;
  const w = RMA_STREET_WIDTH_M;
  return (
    161.04 -
    7.1 * log10(w) +
    7.5 * log10(h) -
    (24.37 - 3.7 * (h / hBs) ** 2) * log10(hBs) +
    (43.42 - 3.1 * log10(hBs)) * (log10(d3d) - 3) +
    20 * log10(fc) -
    (3.2 * log10(11.75 * hUt) ** 2 - 4.97)
  );
}

/** Path loss in dB for one link, with clamping into the model's validity range. */
export function pathLoss(input: PathLossInput): PathLossResult {
  const { model, condition } = input;
  const validity = VALIDITY[model];
  const clamped: string[] = [];
  const fc = clamp(input.fcGhz, validity.fcGhz, 'fcGhz', clamped);
  const hBs = clamp(input.hBsM, PRACTICAL_HBS[model], 'hBsM', clamped);
  const hUt = clamp(input.hUtM, PRACTICAL_HUT[model], 'hUtM', clamped);
  const d2dRange = condition === 'los' ? validity.d2dLosM : validity.d2dNlosM;
  const d2d = clamp(input.d2dM, d2dRange, 'd2dM', clamped);
  const d3d = Math.sqrt(d2d * d2d + (hBs - hUt) ** 2);
  const used = { fcGhz: fc, d2dM: d2d, hBsM: hBs, hUtM: hUt, d3dM: d3d };
  const breakpointM =
    model === 'inh'
      ? undefined
      : model === 'rma'
        ? (2 * Math.PI * hBs * hUt * fc * 1e9) / SPEED_OF_LIGHT
        : (4 * (hBs - 1) * (hUt - 1) * fc * 1e9) / SPEED_OF_LIGHT;
  const pathLossDb = clampedPathLossDb(model, condition, fc, d2d, hBs, hUt);
  return { pathLossDb, clamped, used, breakpointM };
}

/**
 * The table's formulas on inputs already inside the model's ranges (pathLoss clamps them first). Kept
 * apart, allocation-free, so a kernel's −PL table of thousands of distances costs only the arithmetic.
 */
function clampedPathLossDb(
  model: PropagationModel,
  condition: LinkCondition,
  fc: number,
  d2d: number,
  hBs: number,
  hUt: number,
): number {
  const d3d = Math.sqrt(d2d * d2d + (hBs - hUt) ** 2);
  let los: number;
  let nlosPrime: number;
  switch (model) {
    case 'uma':
      los = urbanLos(d2d, d3d, fc, hBs, hUt, 28, 22, 9);
      if (condition === 'los') return los;
      nlosPrime = 13.54 + 39.08 * log10(d3d) + 20 * log10(fc) - 0.6 * (hUt - 1.5);
      break;
    case 'umi':
      los = urbanLos(d2d, d3d, fc, hBs, hUt, 32.4, 21, 9.5);
      if (condition === 'los') return los;
      nlosPrime = 22.4 + 35.3 * log10(d3d) + 21.3 * log10(fc) - 0.3 * (hUt - 1.5);
      break;
    case 'rma':
      los = rmaLos(d2d, d3d, fc, hBs, hUt);
      if (condition === 'los') return los;
      nlosPrime = rmaNlosPrime(d3d, fc, hBs, hUt);
      break;
    case 'inh':
      los = 32.4 + 17.3 * log10(d3d) + 20 * log10(fc);
      if (condition === 'los') return los;
      nlosPrime = 17.3 + 38.3 * log10(d3d) + 24.9 * log10(fc);
      break;
  }
  return Math.max(los, nlosPrime);
}

const clampTo = (value: number, range: Range): number => Math.min(range.max, Math.max(range.min, value));

/**
 * pathLoss(…).pathLossDb as a function of d2D alone for fixed model, condition, frequency and heights:
 * the same clamping and formulas, without building a result object per call (kernels tabulate it).
 */
export function pathLossByDistance(
  model: PropagationModel,
  condition: LinkCondition,
  fcGhz: number,
  hBsM: number,
  hUtM: number,
): (d2dM: number) => number {
  const validity = VALIDITY[model];
  const fc = clampTo(fcGhz, validity.fcGhz);
  const hBs = clampTo(hBsM, PRACTICAL_HBS[model]);
  const hUt = clampTo(hUtM, PRACTICAL_HUT[model]);
  const d2dRange = condition === 'los' ? validity.d2dLosM : validity.d2dNlosM;
  return (d2dM) => clampedPathLossDb(model, condition, fc, clampTo(d2dM, d2dRange), hBs, hUt);
}

/** LOS probability from 38.901 Table 7.4.2-1 (outdoor users, hUT ≤ 13 m), 0–1. */
export function losProbability(model: PropagationModel, d2dM: number): number {
  switch (model) {
    case 'uma':
      return d2dM <= 18 ? 1 : 18 / d2dM + Math.exp(-d2dM / 63) * (1 - 18 / d2dM);
    case 'umi':
      return d2dM <= 18 ? 1 : 18 / d2dM + Math.exp(-d2dM / 36) * (1 - 18 / d2dM);
    case 'rma':
      return d2dM <= 10 ? 1 : Math.exp(-(d2dM - 10) / 1000);
    case 'inh':
      if (d2dM <= 5) return 1;
      if (d2dM <= 49) return Math.exp(-(d2dM - 5) / 70.8);
      return Math.exp(-(d2dM - 49) / 211.7) * 0.54;
  }
}
