/** UI strings of the story feature. Add each key to zh and en at once (the type enforces it). */
export const storyZh = {} as const;
export const storyEn: Record<keyof typeof storyZh, string> = {};
