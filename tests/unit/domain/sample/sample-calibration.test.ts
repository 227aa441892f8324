/**
 * The samples' calibration figures, as tests on the generator: with default coverage settings (50 m grid,
 * −105 dBm, the shipped land mask and environment), in radius and path-loss mode, the 2020 sample reads as
 * the plan describes 2020 and the 2025 sample covers more than 90 % of the city. The same check, through the
 * CLI, writes the table in docs/sample-calibration.md (`npm run data:calibrate -- --write`); the document is
 * checked against these figures, so it cannot drift from the generator.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readShippedCity, readShippedSampleInput } from '../../../../src/cli/shipped-city';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { coverageStats } from '../../../../src/domain/coverage/report';
import { defaultCoverageSettings } from '../../../../src/domain/coverage/settings';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../../src/domain/sample';
import {
  CALIBRATION_TARGETS,
  type CalibrationRow,
  CENTRAL_DISTRICT_ADCODES,
  calibrationRows,
  OUTER_SUBURB_ADCODES,
} from '../../../../src/domain/sample/calibration-targets';

const rows = new Map<string, CalibrationRow[]>();
beforeAll(() => {
  const city = readShippedCity();
  const input = readShippedSampleInput();
  for (const year of [2020, 2025] as const) {
    const sample = generateSampleSites(input, { seed: SHIPPED_SITE_SEED, year });
    for (const mode of ['radius', 'pathloss'] as const) {
      const engine = new CoverageEngine(city, { ...defaultCoverageSettings(), mode });
      engine.computeAll(sample.features);
      rows.set(`${year} ${mode}`, calibrationRows(coverageStats(engine), year));
    }
  }
  // Four city-wide computes of up to 195,000 sectors: a minute on a loaded 2-core machine.
}, 600_000);

const failures = (key: string, group: CalibrationRow['group']) =>
  rows
    .get(key)!
    .filter((row) => row.group === group && !row.meets)
    .map((row) => `${row.name} ${(row.coveredFraction * 100).toFixed(1)} %`);

describe.each(['radius', 'pathloss'])('the 2020 sample, %s mode, default settings', (mode) => {
  const key = `2020 ${mode}`;
  it('covers every central district at least 95 %', () => {
    expect(CALIBRATION_TARGETS[2020].centralMin).toBe(0.95);
    expect(rows.get(key)!.filter((row) => row.group === 'central')).toHaveLength(
      CENTRAL_DISTRICT_ADCODES.length,
    );
    expect(failures(key, 'central')).toEqual([]);
  });

  it('serves the key suburban areas well (each at least 85 %)', () => {
    expect(failures(key, 'key')).toEqual([]);
  });

  it('leaves the outer suburbs weak (each at most 75 %)', () => {
    expect(rows.get(key)!.filter((row) => row.group === 'outer')).toHaveLength(OUTER_SUBURB_ADCODES.length);
    expect(failures(key, 'outer')).toEqual([]);
  });

  it('keeps the city clearly below the 90 % target (at most 85 %)', () => {
    expect(failures(key, 'city')).toEqual([]);
    expect(rows.get(key)!.find((row) => row.group === 'city')!.coveredFraction).toBeLessThan(0.85);
  });
});

describe.each(['radius', 'pathloss'])('the 2025 sample, %s mode, default settings', (mode) => {
  it('covers more than 90 % of the city', () => {
    expect(rows.get(`2025 ${mode}`)!.find((row) => row.group === 'city')!.coveredFraction).toBeGreaterThan(
      0.9,
    );
  });

  it('covers every outer suburb better than the 2020 sample does', () => {
    const before = rows.get(`2020 ${mode}`)!.filter((row) => row.group === 'outer');
    const after = rows.get(`2025 ${mode}`)!.filter((row) => row.group === 'outer');
    after.forEach((row, index) => {
      expect(row.coveredFraction, row.name).toBeGreaterThan(before[index]!.coveredFraction + 0.15);
    });
  });
});

/** The document's table: per column label, per area name, the covered share in percent. */
function documentedShares(markdown: string): Map<string, Map<string, number>> {
  const lines = markdown.split('\n').filter((line) => line.startsWith('| '));
  const header = lines[0]!.split('|').map((cell) => cell.trim());
  const labels = header.slice(3, -1);
  const shares = new Map(labels.map((label) => [label, new Map<string, number>()]));
  for (const line of lines.slice(2)) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = cells[1]!;
    labels.forEach((label, index) => {
      shares.get(label)!.set(name, Number.parseFloat(cells[3 + index]!));
    });
  }
  return shares;
}

describe('docs/sample-calibration.md', () => {
  const documented = documentedShares(readFileSync('docs/sample-calibration.md', 'utf8'));

  it('lists every year and mode, each with every calibration row', () => {
    expect([...documented.keys()].sort()).toEqual([...rows.keys()].sort());
    for (const [label, computed] of rows) {
      expect([...documented.get(label)!.keys()], label).toEqual(computed.map((row) => row.name));
    }
  });

  it('shows the figures the generator gives today (within 0.05 percentage points: the CLI rounds)', () => {
    const drifted: string[] = [];
    for (const [label, computed] of rows) {
      for (const row of computed) {
        const shown = documented.get(label)?.get(row.name);
        const actual = row.coveredFraction * 100;
        if (shown === undefined || Math.abs(shown - actual) > 0.051)
          drifted.push(`${label} ${row.name}: document ${shown}, generator ${actual.toFixed(2)}`);
      }
    }
    expect(drifted).toEqual([]);
  });
});
