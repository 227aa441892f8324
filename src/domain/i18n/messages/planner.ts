/** UI strings of the planner feature. Add each key to zh and en at once (the type enforces it). */
export const plannerZh = {} as const;
export const plannerEn: Record<keyof typeof plannerZh, string> = {};
