/** UI strings of the import feature. Add each key to zh and en at once (the type enforces it). */
export const importZh = {} as const;
export const importEn: Record<keyof typeof importZh, string> = {};
