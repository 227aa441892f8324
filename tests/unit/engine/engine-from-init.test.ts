import { describe, expect, it } from 'vitest';
import { cityGridKey, encodeCityGridFile } from '../../../src/domain/coverage/city-grid-file';
import { buildCityRaster } from '../../../src/domain/coverage/city-raster';
import { coverageStats } from '../../../src/domain/coverage/report';
import { defaultCoverageSettings, mergeSettings } from '../../../src/domain/coverage/settings';
import { engineFromInit } from '../../../src/engine/engine-from-init';
import { city, islandZone, site } from '../support/coverage/synthetic-city';

const settings = mergeSettings(defaultCoverageSettings(), { cellM: 100, minGapAreaKm2: 0 });
const input = { ...city, zones: islandZone, settings: { cellM: 100, minGapAreaKm2: 0 } };
const sites = [site('a', 121.42, 31.22), site('b', 121.48, 31.24), site('c', 121.61, 31.31)];
const gridFile = (digest: string, cellM = 100) => {
  const made = mergeSettings(settings, { cellM });
  return encodeCityGridFile(buildCityRaster(input, made), cityGridKey(made, digest)).slice().buffer;
};

describe('engineFromInit: the city from the build grid file, or rasterised', () => {
  it('reads a matching grid file and computes exactly what a rasterised city computes', () => {
    const fromFile = engineFromInit({
      ...input,
      cityGrid: { bytes: gridFile('shipped'), inputDigest: 'shipped' },
    });
    const rasterised = engineFromInit(input);
    expect(fromFile.gridSource).toBe('file');
    expect(fromFile.gridFileRefused).toBeUndefined();
    expect(rasterised.gridSource).toBe('built');
    expect(
      Buffer.from(fromFile.engine.city.district).equals(Buffer.from(rasterised.engine.city.district)),
    ).toBe(true);
    fromFile.engine.computeAll(sites);
    rasterised.engine.computeAll(sites);
    expect(coverageStats(fromFile.engine)).toEqual(coverageStats(rasterised.engine));
    expect(fromFile.engine.arrays.best).toEqual(rasterised.engine.arrays.best);
    // A later change of cell size rasterises the inputs, as without a file.
    fromFile.engine.setSettings({ cellM: 50 });
    rasterised.engine.setSettings({ cellM: 50 });
    expect(coverageStats(fromFile.engine)).toEqual(coverageStats(rasterised.engine));
  });

  it('rasterises when the file was made for other settings or other inputs, or is damaged', () => {
    const rasterised = engineFromInit(input).engine;
    const damaged = new Uint8Array(gridFile('shipped'));
    damaged[damaged.length - 9] = damaged[damaged.length - 9]! ^ 0xff;
    for (const [cityGrid, reason] of [
      [{ bytes: gridFile('shipped', 200), inputDigest: 'shipped' }, /other settings/],
      [{ bytes: gridFile('older'), inputDigest: 'shipped' }, /other settings or inputs/],
      [{ bytes: damaged.buffer, inputDigest: 'shipped' }, /checksum/],
    ] as const) {
      const built = engineFromInit({ ...input, cityGrid });
      expect(built.gridSource).toBe('built');
      expect(built.gridFileRefused).toMatch(reason);
      expect(Buffer.from(built.engine.city.district).equals(Buffer.from(rasterised.city.district))).toBe(
        true,
      );
    }
  });
});
