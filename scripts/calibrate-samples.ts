/**
 * Re-runs the samples' calibration: generates the 2020 and 2025 samples, computes coverage with the default
 * settings in radius and path-loss mode on the app's engine, and prints one markdown table with every
 * central district, key suburban area, outer suburb and the city against its target
 * (src/domain/sample/calibration-targets.ts). Exits 1 when a target is missed, so a re-tune shows at once.
 * Run: `npx tsx scripts/calibrate-samples.ts` (about a minute on a quiet 2-core machine).
 */

import { readShippedCity, readShippedSampleInput } from '../src/cli/shipped-city';
import { CoverageEngine } from '../src/domain/coverage/coverage-engine';
import { coverageStats } from '../src/domain/coverage/report';
import type { CoverageMode } from '../src/domain/coverage/settings';
import { generateSampleSites, SAMPLE_YEARS, SHIPPED_SITE_SEED } from '../src/domain/sample';
import { type CalibrationRow, calibrationRows } from '../src/domain/sample/calibration-targets';

const MODES: CoverageMode[] = ['radius', 'pathloss'];
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;
const city = readShippedCity();
const input = readShippedSampleInput();
const columns: { label: string; rows: CalibrationRow[] }[] = [];
for (const year of SAMPLE_YEARS) {
  const sample = generateSampleSites(input, { seed: SHIPPED_SITE_SEED, year });
  for (const mode of MODES) {
    const engine = new CoverageEngine(city, { mode });
    const started = performance.now();
    engine.computeAll(sample.features);
    const elapsedS = ((performance.now() - started) / 1000).toFixed(1);
    columns.push({ label: `${year} ${mode}`, rows: calibrationRows(coverageStats(engine), year) });
    console.error(
      `${year} ${mode}: ${sample.metadata.baseStations} base stations, ${sample.features.length} sectors, ${elapsedS} s`,
    );
  }
}
const cell = (row: CalibrationRow) =>
  `${percent(row.coveredFraction)}${row.bound ? ` ${row.bound.kind === 'min' ? '≥' : '≤'} ${percent(row.bound.value)}${row.meets ? '' : ' ✗'}` : ''}`;
console.log(`| area | group | ${columns.map((column) => column.label).join(' | ')} |`);
console.log(`| --- | --- | ${columns.map(() => '---').join(' | ')} |`);
columns[0]!.rows.forEach((row, index) => {
  console.log(
    `| ${row.name} | ${row.group} | ${columns.map((column) => cell(column.rows[index]!)).join(' | ')} |`,
  );
});
const missed = columns.flatMap((column) =>
  column.rows.filter((row) => !row.meets).map((row) => `${column.label} ${row.name}`),
);
if (missed.length > 0) {
  console.error(`missed: ${missed.join(', ')}`);
  process.exitCode = 1;
}
