/**
 * A site on a comprehensive pole carries its antenna at the pole's top at most: an antenna far above
 * its pole (a 30 m antenna on an 11 m pole) is a typing slip or a site that needs a mast. Warned, not
 * refused: the planner may be modelling a taller replacement pole. The allowance covers the bracket and
 * antenna length above the pole top.
 */
export const POLE_MOUNT_ALLOWANCE_M = 1;

export interface PoleHeightWarning {
  siteId: string;
  poleId: string;
  antennaHeightM: number;
  poleHeightM: number;
}

/** The warning for one site, or null when the site is not on a pole or its antenna fits the pole. */
export function poleHeightWarning(
  site: { id: string; heightM?: number | undefined; poleId?: string | undefined },
  pole: { id: string; heightM: number } | null,
): PoleHeightWarning | null {
  if (!site.poleId || !pole || pole.id !== site.poleId) return null;
  if (site.heightM === undefined || !(site.heightM > pole.heightM + POLE_MOUNT_ALLOWANCE_M)) return null;
  return { siteId: site.id, poleId: pole.id, antennaHeightM: site.heightM, poleHeightM: pole.heightM };
}
