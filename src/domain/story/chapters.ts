/**
 * Story mode as data: the plan's spatial layout "全域提质、两翼添能、新城创极" in chapters, each with its
 * steps (camera, emphasis), visible layers, narrative keys and the live figures it shows. The story
 * overlay, the keyboard controls, the map choreography and the tests all read this one list.
 */
import type { MessageKey } from '../i18n/translate';
import type { LayerId } from '../layers/catalogue';

/** Where the camera goes: the bounds of some plan zones (or the whole city), with pitch and bearing. */
export interface StoryCamera {
  /** Fit these plan-zone ids; empty = the whole city. */
  fitZoneIds: readonly string[];
  pitchDeg: number;
  bearingDeg: number;
  /** Extra zoom after fitting (negative = leave more context around). */
  zoomOffset: number;
}

export interface StoryStep {
  id: string;
  camera: StoryCamera;
  /** Zones drawn with the pulsing emphasis outline. */
  emphasisZoneIds: readonly string[];
  /** Zones whose live figures the step lists. */
  figureZoneIds: readonly string[];
  /** A caption key for the step (e.g. the new town's name); the chapter title stays. */
  captionKey?: MessageKey;
}

export type StoryFigures = 'indicators' | 'city' | 'wings' | 'newTowns';

export interface StoryChapter {
  number: number;
  id: 'overview' | 'quality' | 'wings' | 'newTowns';
  titleKey: MessageKey;
  subtitleKey: MessageKey;
  narrativeKey: MessageKey;
  layers: readonly LayerId[];
  figures: StoryFigures;
  /** Data-centre clusters extruded (3D) in this chapter. */
  extrudeDatacentres: boolean;
  steps: readonly StoryStep[];
}

export const KEY_AREA_IDS = [
  'key_bund_lujiazui_north_bund',
  'key_expo_qiantan_xuhui_riverside',
  'key_huangpu_river_banks',
  'key_suzhou_creek_banks',
  'key_zhangjiang',
  'key_g60_songjiang',
] as const;

export const WING_IDS = {
  east: ['wing_east_lingang'],
  west: ['wing_west_hongqiao', 'wing_west_demo_zone'],
} as const;

export const NEW_TOWN_IDS = [
  'newtown_jiading',
  'newtown_qingpu',
  'newtown_songjiang',
  'newtown_fengxian',
  'newtown_nanhui',
] as const;

const flat = (fitZoneIds: readonly string[], zoomOffset = 0): StoryCamera => ({
  fitZoneIds,
  pitchDeg: 0,
  bearingDeg: 0,
  zoomOffset,
});
const tilted = (
  fitZoneIds: readonly string[],
  pitchDeg: number,
  bearingDeg = 0,
  zoomOffset = 0,
): StoryCamera => ({
  fitZoneIds,
  pitchDeg,
  bearingDeg,
  zoomOffset,
});

const BOTH_WINGS = [...WING_IDS.east, ...WING_IDS.west];

export const STORY_CHAPTERS: readonly StoryChapter[] = [
  {
    number: 0,
    id: 'overview',
    titleKey: 'story.overview.title',
    subtitleKey: 'story.overview.subtitle',
    narrativeKey: 'story.overview.narrative',
    layers: [
      'districts',
      'keyAreas',
      'wings',
      'newTowns',
      'datacentres',
      'cableLandings',
      'internetExchange',
    ],
    figures: 'indicators',
    extrudeDatacentres: false,
    steps: [{ id: 'overview', camera: flat([]), emphasisZoneIds: [], figureZoneIds: [] }],
  },
  {
    number: 1,
    id: 'quality',
    titleKey: 'story.quality.title',
    subtitleKey: 'story.quality.subtitle',
    narrativeKey: 'story.quality.narrative',
    layers: ['districts', 'keyAreas', 'sites'],
    figures: 'city',
    extrudeDatacentres: false,
    steps: [
      {
        id: 'keyAreas',
        camera: flat(KEY_AREA_IDS),
        emphasisZoneIds: KEY_AREA_IDS,
        figureZoneIds: KEY_AREA_IDS,
      },
      {
        id: 'riverside',
        camera: tilted(['key_bund_lujiazui_north_bund', 'key_expo_qiantan_xuhui_riverside'], 40, -15),
        emphasisZoneIds: ['key_bund_lujiazui_north_bund', 'key_expo_qiantan_xuhui_riverside'],
        figureZoneIds: KEY_AREA_IDS,
        captionKey: 'story.quality.riverside',
      },
    ],
  },
  {
    number: 2,
    id: 'wings',
    titleKey: 'story.wings.title',
    subtitleKey: 'story.wings.subtitle',
    narrativeKey: 'story.wings.narrative',
    layers: ['districts', 'wings', 'datacentres', 'cableLandings', 'internetExchange'],
    figures: 'wings',
    extrudeDatacentres: true,
    steps: [
      { id: 'bothWings', camera: flat(BOTH_WINGS), emphasisZoneIds: BOTH_WINGS, figureZoneIds: BOTH_WINGS },
      {
        id: 'eastWing',
        camera: tilted(WING_IDS.east, 45, 10, -0.2),
        emphasisZoneIds: WING_IDS.east,
        figureZoneIds: BOTH_WINGS,
        captionKey: 'story.wings.east',
      },
      {
        id: 'westWing',
        camera: tilted(WING_IDS.west, 45, -10, -0.2),
        emphasisZoneIds: WING_IDS.west,
        figureZoneIds: BOTH_WINGS,
        captionKey: 'story.wings.west',
      },
    ],
  },
  {
    number: 3,
    id: 'newTowns',
    titleKey: 'story.newTowns.title',
    subtitleKey: 'story.newTowns.subtitle',
    narrativeKey: 'story.newTowns.narrative',
    layers: ['districts', 'newTowns', 'sites'],
    figures: 'newTowns',
    extrudeDatacentres: false,
    steps: [
      {
        id: 'allNewTowns',
        camera: flat(NEW_TOWN_IDS),
        emphasisZoneIds: NEW_TOWN_IDS,
        figureZoneIds: NEW_TOWN_IDS,
      },
      ...NEW_TOWN_IDS.map((id) => ({
        id,
        camera: tilted([id], 35, 0, -0.3),
        emphasisZoneIds: [id],
        figureZoneIds: NEW_TOWN_IDS,
        captionKey: `story.newTowns.${id}` as const,
      })),
    ],
  },
];

/** A position in the story: chapter number and step within it. */
export interface StoryPosition {
  chapter: number;
  step: number;
}

/** The chapter at a number, clamped into range. */
export function storyChapter(number: number): StoryChapter {
  const index = Math.max(0, Math.min(STORY_CHAPTERS.length - 1, Math.trunc(number)));
  return STORY_CHAPTERS[index]!;
}

/** The next position: the next step, else the next chapter's first step; after the last, the overview. */
export function nextStoryPosition(position: StoryPosition): StoryPosition {
  const chapter = storyChapter(position.chapter);
  if (position.step + 1 < chapter.steps.length) return { chapter: chapter.number, step: position.step + 1 };
  return { chapter: (chapter.number + 1) % STORY_CHAPTERS.length, step: 0 };
}

/** The previous position: the previous step, else the previous chapter's last step (stops at the start). */
export function previousStoryPosition(position: StoryPosition): StoryPosition {
  if (position.step > 0) return { chapter: position.chapter, step: position.step - 1 };
  if (position.chapter <= 0) return { chapter: 0, step: 0 };
  const previous = storyChapter(position.chapter - 1);
  return { chapter: previous.number, step: previous.steps.length - 1 };
}

/** The step at a position (clamped). */
export function storyStep(position: StoryPosition): StoryStep {
  const chapter = storyChapter(position.chapter);
  return chapter.steps[Math.max(0, Math.min(chapter.steps.length - 1, position.step))]!;
}
