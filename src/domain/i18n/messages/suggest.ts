/** UI strings of the suggest feature. Add each key to zh and en at once (the type enforces it). */
export const suggestZh = {} as const;
export const suggestEn: Record<keyof typeof suggestZh, string> = {};
