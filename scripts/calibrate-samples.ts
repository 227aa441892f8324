/**
 * Re-runs the samples' calibration through the command line a user has: `cli sample --year Y` writes each
 * year's sample, `cli coverage --sites … --mode M` computes it with the default settings (50 m, −105 dBm,
 * the shipped land mask and environment), and the rows come from the CLI's JSON. Prints one markdown table
 * with every central district, key suburban area, outer suburb and the city against its target
 * (src/domain/sample/calibration-targets.ts); with --write it also rewrites docs/sample-calibration.md.
 * Exits 1 when a target is missed, so a re-tune shows at once. tests/unit/domain/sample/
 * sample-calibration.test.ts recomputes the same figures on the engine and checks the document against them.
 * Run: `npm run data:calibrate [-- --write]` (a few minutes on a busy 2-core machine).
 */

import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CoverageMode } from '../src/domain/coverage/settings';
import { SAMPLE_YEARS } from '../src/domain/sample';
import {
  type CalibrationColumn,
  calibrationTable,
  missedBounds,
} from '../src/domain/sample/calibration-table';
import {
  CALIBRATION_TARGETS,
  type CalibrationFigures,
  calibrationRows,
} from '../src/domain/sample/calibration-targets';

const MODES: CoverageMode[] = ['radius', 'pathloss'];
const MAIN = resolve('src/cli/main.ts');
const TSX = resolve('node_modules/.bin/tsx');
const DOCUMENT = resolve('docs/sample-calibration.md');
const write = process.argv.includes('--write');

function cli(args: string[]): Record<string, unknown> {
  const command = `cli ${args.join(' ')}`;
  const result = spawnSync(TSX, [MAIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const workspace = mkdtempSync(join(tmpdir(), 'calibrate-samples-'));
const columns: CalibrationColumn[] = [];
const counts: string[] = [];
try {
  for (const year of SAMPLE_YEARS) {
    const file = join(workspace, `sample-${year}.geojson`);
    const sample = cli(['sample', '--year', String(year), '--out', file]);
    counts.push(
      `${year}: ${Number(sample.baseStations).toLocaleString('en')} base stations, ${Number(sample.sectors).toLocaleString('en')} sectors`,
    );
    for (const mode of MODES) {
      const figures = cli(['coverage', '--sites', file, '--mode', mode]) as unknown as CalibrationFigures & {
        elapsedMs: number;
        cellM: number;
        thresholdDbm: number;
      };
      columns.push({ label: `${year} ${mode}`, rows: calibrationRows(figures, year) });
      console.error(`${year} ${mode}: ${(figures.elapsedMs / 1000).toFixed(1)} s`);
    }
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

const table = calibrationTable(columns);
console.log(table);
const missed = missedBounds(columns);
if (missed.length > 0) {
  console.error(`missed: ${missed.join(', ')}`);
  process.exitCode = 1;
}

if (write) {
  const target = (fraction: number | undefined) =>
    fraction === undefined ? '—' : `${(fraction * 100).toFixed(0)} %`;
  const load = execSync('uptime')
    .toString()
    .trim()
    .replace(/^.*load average:\s*/, '');
  const document = `# Sample calibration (generated)

<!-- Written by \`npm run data:calibrate -- --write\` (scripts/calibrate-samples.ts); do not edit by hand. -->

What the sample networks (示意数据, synthetic) read with the **default settings** (50 m grid, −105 dBm, the
shipped land mask and environment classes, the antenna pattern with downtilt) in both coverage modes. Each
figure comes from the command line a user has:

\`\`\`sh
npm run --silent cli -- sample --year 2020 --out sample-2020.geojson
npm run --silent cli -- coverage --sites sample-2020.geojson --mode radius     # and --mode pathloss
npm run --silent cli -- sample --year 2025 --out sample-2025.geojson
npm run --silent cli -- coverage --sites sample-2025.geojson --mode radius     # and --mode pathloss
\`\`\`

Samples: ${counts.join('; ')}.

Targets (\`src/domain/sample/calibration-targets.ts\`), the plan's picture of each year:

- **2020**, "5G continuous outdoor coverage in the central city and the key suburban areas": each central
  district at least ${target(CALIBRATION_TARGETS[2020].centralMin)}; each key suburban area at least ${target(CALIBRATION_TARGETS[2020].keySuburbanMin)};
  the outer suburbs weak, each at most ${target(CALIBRATION_TARGETS[2020].outerSuburbMax)}; the city clearly below the 90 % target, at most ${target(CALIBRATION_TARGETS[2020].cityMax)}.
- **2025**, "5G coverage above 90 % of the city": the city at least ${target(CALIBRATION_TARGETS[2025].cityMin)}.

A cell reads "share ≥ bound" or "share ≤ bound"; ✗ marks a missed bound.

${table}

\`tests/unit/domain/sample/sample-calibration.test.ts\` recomputes every figure on the engine, fails when a
bound is missed, and fails when this table differs from its figures by more than 0.05 percentage points.
How the samples are laid out, and why: \`data/geo/SOURCES.md\` ("Sample sites").

Generated on ${new Date().toISOString().slice(0, 10)} (machine load ${load}; the figures do not depend on it).
`;
  writeFileSync(DOCUMENT, document);
  // The repository's formatter owns markdown tables too (aligned columns): `npm run lint` stays clean.
  execSync(`npx biome format --write ${JSON.stringify(DOCUMENT)}`, { stdio: 'ignore' });
  console.error(`wrote ${DOCUMENT}`);
}
