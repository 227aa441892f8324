import { describe, expect, it } from 'vitest';
import { defaultCoverageSettings } from '../../../../src/domain/coverage/settings';
import {
  applyPatchToImage,
  cutTile,
  tileLayout,
  tilesTouched,
} from '../../../../src/map/coverage-raster-tiles';
import { gapPriorityBreaks, gapPriorityLevel } from '../../../../src/state/coverage-slice';
import { formatKm2, formatPercent, formatSigned } from '../../../../src/ui/coverage/format';
import { draftFromSettings, radiusKey, validateDraft } from '../../../../src/ui/coverage/settings-draft';

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

describe('raster tiles', () => {
  const image = {
    width: 1300,
    height: 700,
    coordinates: [
      [121, 31.5],
      [122, 31.5],
      [122, 30.5],
      [121, 30.5],
    ] as [[number, number], [number, number], [number, number], [number, number]],
  };

  it('covers the image exactly once with tiles of at most 512 px', () => {
    const tiles = tileLayout(image, 512);
    expect(tiles).toHaveLength(3 * 2);
    const area = tiles.reduce((sum, tile) => sum + tile.width * tile.height, 0);
    expect(area).toBe(1300 * 700);
    expect(tiles[2]).toMatchObject({ x: 1024, y: 0, width: 276, height: 512 });
  });

  it('places tile edges evenly in Web Mercator, not in latitude', () => {
    const [top, bottom] = tileLayout(image, 512).filter((tile) => tile.x === 0);
    const edge = top!.coordinates[3][1];
    expect(bottom!.coordinates[0][1]).toBe(edge);
    const expected = mercatorY(31.5) - (512 / 700) * (mercatorY(31.5) - mercatorY(30.5));
    expect(mercatorY(edge)).toBeCloseTo(expected, 12);
    // A lon/lat split would put the edge at 31.5 − 512/700°; Mercator is visibly different.
    expect(Math.abs(edge - (31.5 - 512 / 700))).toBeGreaterThan(0.001);
    expect(top!.coordinates[1][0]).toBeCloseTo(121 + 512 / 1300, 12);
  });

  it('writes a patch into the image and names exactly the tiles it touches', () => {
    const rgba = new Uint8ClampedArray(1300 * 700 * 4);
    const patch = { x: 510, y: 100, width: 4, height: 2, rgba: new Uint8ClampedArray(4 * 2 * 4).fill(7) };
    applyPatchToImage(rgba, 1300, patch);
    expect(rgba[(100 * 1300 + 509) * 4]).toBe(0);
    expect(rgba[(100 * 1300 + 510) * 4]).toBe(7);
    expect(rgba[(101 * 1300 + 513) * 4 + 3]).toBe(7);
    expect(rgba[(102 * 1300 + 510) * 4]).toBe(0);
    const tiles = tileLayout(image, 512);
    expect(tilesTouched(tiles, patch)).toEqual([0, 1]);
    const tile = cutTile(rgba, 1300, tiles[1]!);
    expect(tile[(100 * tiles[1]!.width + 0) * 4]).toBe(7);
  });
});

describe('gap priority', () => {
  it('ranks the top 10 % high and the next 30 % medium', () => {
    const scores = Array.from({ length: 20 }, (_, index) => index + 1);
    const breaks = gapPriorityBreaks(scores);
    const levels = scores.map((score) => gapPriorityLevel(score, breaks));
    expect(levels.filter((level) => level === 'high')).toHaveLength(2);
    expect(levels.filter((level) => level === 'medium')).toHaveLength(6);
    expect(gapPriorityLevel(20, breaks)).toBe('high');
    expect(gapPriorityLevel(1, breaks)).toBe('low');
  });
});

describe('formatting', () => {
  it('formats shares, areas and signed changes per language', () => {
    expect(formatPercent('zh', 0.88814)).toBe('88.8%');
    expect(formatKm2('en', 6220.46)).toBe('6,220.5 km²');
    expect(formatKm2('zh', 0.0123)).toBe('0.012 km²');
    expect(formatSigned('en', -1.234)).toBe('−1.2');
    expect(formatSigned('en', 0.04)).toBe('±0.0');
  });
});

describe('settings draft', () => {
  it('turns typed values into a patch and rejects out-of-range ones', () => {
    const settings = defaultCoverageSettings();
    const draft = draftFromSettings(settings);
    expect(validateDraft(draft, settings)).toEqual({ patch: {}, errors: {} });
    const typed = { ...draft, thresholdDbm: '−110', cellM: '25' };
    expect(validateDraft(typed, settings).patch).toEqual({ thresholdDbm: -110, cellM: 25 });
    const bad = { ...draft, cellM: '20', minGapAreaKm2: 'abc' };
    expect(validateDraft(bad, settings).errors).toEqual({
      cellM: 'coverage.invalid.cell',
      minGapAreaKm2: 'coverage.invalid.number',
    });
  });

  it('edits one radius-table cell without touching the others', () => {
    const settings = defaultCoverageSettings();
    const draft = draftFromSettings(settings);
    const key = radiusKey('macro', 'n78', 'urban');
    const { patch } = validateDraft({ ...draft, radius: { ...draft.radius, [key]: '500' } }, settings);
    expect(patch.radiusTable?.macro.n78.urban).toBe(500);
    expect(patch.radiusTable?.macro.n78.rural).toBe(1200);
    expect(settings.radiusTable.macro.n78.urban).toBe(450);
  });
});
