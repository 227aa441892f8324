/** UI strings of the coverage feature. Add each key to zh and en at once (the type enforces it). */
export const coverageZh = {} as const;
export const coverageEn: Record<keyof typeof coverageZh, string> = {};
