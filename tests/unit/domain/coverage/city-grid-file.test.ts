import { describe, expect, it } from 'vitest';
import { readCityGridInput } from '../../../../scripts/city-grid-inputs';
import {
  CITY_GRID_FILE_FORMAT,
  cityGridKey,
  encodeCityGridFile,
  readCityGridFile,
} from '../../../../src/domain/coverage/city-grid-file';
import { buildCityRaster, type CityRaster } from '../../../../src/domain/coverage/city-raster';
import { defaultCoverageSettings, mergeSettings } from '../../../../src/domain/coverage/settings';
import { city, islandZone } from '../../support/coverage/synthetic-city';

const settings = defaultCoverageSettings();
const copyOf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

/** Every field of two grids, typed arrays cell for cell. */
function expectSameCity(read: CityRaster, built: CityRaster): void {
  expect(read.grid).toEqual(built.grid);
  for (const field of [
    'district',
    'environment',
    'zoneWeightCode',
    'zoneWeights',
    'zoneWeightRuns',
    'zoneWeightRowStart',
    'landRuns',
  ] as const) {
    expect(read[field].length, field).toBe(built[field].length);
    expect(
      Buffer.from(read[field].buffer, read[field].byteOffset, read[field].byteLength).equals(
        Buffer.from(built[field].buffer, built[field].byteOffset, built[field].byteLength),
      ),
      field,
    ).toBe(true);
  }
  expect(read.districts).toEqual(built.districts);
  expect(read.zones).toEqual(built.zones);
  expect(read.landKm2).toBe(built.landKm2);
  expect(read.hasZoneWeights).toBe(built.hasZoneWeights);
}

describe('city grid file (the build-time grid the coverage worker reads)', () => {
  it('reads back the shipped city exactly as buildCityRaster makes it, at a fraction of its size', () => {
    const { input, inputDigest } = readCityGridInput();
    const built = buildCityRaster(input, settings);
    const file = encodeCityGridFile(built, cityGridKey(settings, inputDigest));
    const read = readCityGridFile(copyOf(file), cityGridKey(settings, inputDigest));
    expectSameCity(read, built);
    expect(read.landKm2).toBeGreaterThan(5000);
    expect(read.zones.length).toBeGreaterThan(3);
    // Three bytes per cell as runs: far below the 17 MB of raw cells.
    expect(file.byteLength).toBeLessThan(built.grid.cellCount / 4);
  });

  it('round-trips a synthetic city with zones, at another cell size', () => {
    const small = mergeSettings(settings, { cellM: 100 });
    const built = buildCityRaster({ ...city, zones: islandZone }, small);
    const key = cityGridKey(small, 'synthetic');
    expectSameCity(readCityGridFile(copyOf(encodeCityGridFile(built, key)), key), built);
  });

  it('refuses a file for other settings, other inputs, another format or a damaged body', () => {
    const built = buildCityRaster({ ...city, zones: islandZone }, settings);
    const key = cityGridKey(settings, 'synthetic');
    const file = encodeCityGridFile(built, key);
    expect(() =>
      readCityGridFile(copyOf(file), cityGridKey(mergeSettings(settings, { cellM: 100 }), 'synthetic')),
    ).toThrow(/other settings/);
    expect(() =>
      readCityGridFile(
        copyOf(file),
        cityGridKey(
          mergeSettings(settings, { zoneWeights: { ...settings.zoneWeights, new_town: 9 } }),
          'synthetic',
        ),
      ),
    ).toThrow(/other settings/);
    expect(() => readCityGridFile(copyOf(file), cityGridKey(settings, 'other'))).toThrow(
      /other settings or inputs/,
    );
    const damaged = file.slice();
    damaged[damaged.length - 9] = damaged[damaged.length - 9]! ^ 0xff;
    expect(() => readCityGridFile(damaged.buffer, key)).toThrow(/checksum/);
    const text = new TextDecoder().decode(file);
    const otherFormat = new TextEncoder().encode(
      text.replace(`"format":${CITY_GRID_FILE_FORMAT}`, `"format":${CITY_GRID_FILE_FORMAT + 1}`),
    );
    expect(() => readCityGridFile(otherFormat.buffer, key)).toThrow(/format/);
    expect(() => readCityGridFile(new Uint8Array(16).buffer, key)).toThrow(/not a city grid file/);
  });
});
