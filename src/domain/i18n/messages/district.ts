/** UI strings of the district feature. Add each key to zh and en at once (the type enforces it). */
export const districtZh = {} as const;
export const districtEn: Record<keyof typeof districtZh, string> = {};
