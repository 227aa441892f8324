import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/domain/i18n/translate';
import { PLAN_INDICATORS, progressToward2025 } from '../../../../src/domain/plan/indicators';
import {
  nextStoryPosition,
  previousStoryPosition,
  STORY_CHAPTERS,
  type StoryPosition,
} from '../../../../src/domain/story/chapters';

const zoneIds = new Set(
  (
    JSON.parse(readFileSync('data/geo/plan-zones.geojson', 'utf8')) as {
      features: { properties: { id: string } }[];
    }
  ).features.map((feature) => feature.properties.id),
);

describe('story chapters', () => {
  it('are the plan layout in order: overview, 全域提质, 两翼添能, 新城创极', () => {
    expect(STORY_CHAPTERS.map((chapter) => translate('zh', chapter.titleKey))).toEqual([
      '空间新格局',
      '全域提质',
      '两翼添能',
      '新城创极',
    ]);
    expect(STORY_CHAPTERS.map((chapter) => chapter.number)).toEqual([0, 1, 2, 3]);
  });

  it('refer only to plan zones that exist in plan-zones.geojson', () => {
    for (const chapter of STORY_CHAPTERS) {
      for (const step of chapter.steps) {
        for (const id of [...step.camera.fitZoneIds, ...step.emphasisZoneIds, ...step.figureZoneIds]) {
          expect(zoneIds.has(id), `${chapter.id}/${step.id}: ${id}`).toBe(true);
        }
      }
    }
  });

  it('walks every step forward and wraps back to the overview; backwards stops at the start', () => {
    const stepCount = STORY_CHAPTERS.reduce((sum, chapter) => sum + chapter.steps.length, 0);
    let position: StoryPosition = { chapter: 0, step: 0 };
    const seen = new Set<string>();
    for (let index = 0; index < stepCount; index++) {
      seen.add(`${position.chapter}/${position.step}`);
      position = nextStoryPosition(position);
    }
    expect(seen.size).toBe(stepCount);
    expect(position).toEqual({ chapter: 0, step: 0 });
    expect(previousStoryPosition({ chapter: 0, step: 0 })).toEqual({ chapter: 0, step: 0 });
    expect(previousStoryPosition({ chapter: 3, step: 0 })).toEqual({ chapter: 2, step: 2 });
    // The new towns one after another: overview of all five, then each.
    expect(STORY_CHAPTERS[3]!.steps).toHaveLength(6);
  });
});

describe('plan indicators', () => {
  it('are the twelve rows of the plan table with their 2020 values and 2025 targets', () => {
    expect(PLAN_INDICATORS.map((indicator) => indicator.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    const byId = Object.fromEntries(PLAN_INDICATORS.map((indicator) => [indicator.id, indicator]));
    expect([byId.fiveGPenetration?.value2020, byId.fiveGPenetration?.target2025]).toEqual([24.5, 100]);
    expect([byId.internationalEgress?.value2020, byId.internationalEgress?.target2025]).toEqual([6.9, 15]);
    expect([byId.idcRacks?.value2020, byId.idcRacks?.target2025]).toEqual([11, 28]);
  });

  it('progress is 2020 ÷ 2025 target, inverted for PUE, capped at 1', () => {
    const byId = Object.fromEntries(PLAN_INDICATORS.map((indicator) => [indicator.id, indicator]));
    expect(progressToward2025(byId.broadbandDownload!)).toBeCloseTo(50.32 / 120, 10);
    expect(progressToward2025(byId.newDatacentrePue!)).toBe(1);
    expect(progressToward2025(byId.fiveGPenetration!)).toBeCloseTo(0.245, 10);
  });
});
