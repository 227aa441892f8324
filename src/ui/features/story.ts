import { StoryOverlay } from '../story/StoryOverlay';
import { StoryToolbar } from '../story/StoryToolbar';
import type { UiFeature } from '../ui-feature';

/** The story feature: the Present / Export PNG toolbar and the presentation overlay. */
export const storyUi: UiFeature = { tabs: [], overlays: [StoryToolbar, StoryOverlay] };
