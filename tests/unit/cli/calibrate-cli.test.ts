import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleSiteInput } from '../../../scripts/sample-inputs';
import { readShippedCity } from '../../../src/cli/shipped-city';
import { CoverageEngine } from '../../../src/domain/coverage/coverage-engine';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../src/domain/sample';
import { synthesiseMeasurements } from '../../../src/domain/sample/synthetic-measurements';
import type { SiteCollection } from '../../../src/domain/types';

const MAIN = resolve('src/cli/main.ts');
const TSX = resolve('node_modules/.bin/tsx');

function cli(args: string[]) {
  const result = spawnSync(TSX, [MAIN, ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 180_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const workspace = mkdtempSync(join(tmpdir(), 'calibrate-cli-'));
// The shipped sample sites of Huangpu and Jing'an: a dense-urban network of a few hundred sites.
const allSites = generateSampleSites(readSampleSiteInput(), {
  seed: SHIPPED_SITE_SEED,
  year: 2020,
}) as SiteCollection;
const sites: SiteCollection = {
  type: 'FeatureCollection',
  features: allSites.features.filter((site) => ['310101', '310106'].includes(site.properties.adcode ?? '')),
};
const sitesFile = join(workspace, 'sites.geojson');
writeFileSync(sitesFile, JSON.stringify(sites));
const engine = new CoverageEngine(
  // The city the CLI and the app compute on (land mask, environment classes), so the classes agree.
  readShippedCity(),
  { mode: 'pathloss', cellM: 50 },
);
const SIGMA_DB = 5;
const { csv } = synthesiseMeasurements(sites.features, engine.city, engine.settings, {
  count: 800,
  seed: 9,
  sigmaDb: SIGMA_DB,
  crs: 'gcj02',
  truth: { dense_urban: { offsetDb: 8, slopeDbPerDecade: 0 } },
  aroundSite: (site) => site.properties.adcode === '310101',
});
const measurementsFile = join(workspace, 'drive-test.csv');
// Two bad rows at the end: an impossible level and a point 40 km out at sea (no site within reach).
writeFileSync(
  measurementsFile,
  `${csv}2026-11-02 12:00:00,121.47,31.23,-170\n2026-11-02 12:00:01,122.25,31.0,-100\n`,
);

describe('calibrate', () => {
  const out = join(workspace, 'corrections.json');
  const run = cli([
    'calibrate',
    '--sites',
    sitesFile,
    '--measurements',
    measurementsFile,
    '--crs',
    'gcj02',
    '--out',
    out,
  ]);
  const result = JSON.parse(run.stdout || '{}');

  it('prints samples, before/after, corrections and rejected rows as the issue defines them', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(result.samples).toBe(800);
    for (const key of ['before', 'after'])
      expect(Object.keys(result[key])).toEqual(['meanErrorDb', 'stdDb', 'rmseDb']);
    const [correction] = result.corrections;
    expect(result.corrections).toHaveLength(1);
    // Huangpu is dense urban but for a few samples on a class border (classes from the shipped
    // environment polygons): every sample lands in one class, and only the dense-urban one has enough.
    const byClass = result.byEnvironment as { environment: string; samples: number; tooFew: boolean }[];
    expect(byClass.reduce((sum, entry) => sum + entry.samples, 0)).toBe(800);
    const denseUrban = byClass.find((entry) => entry.environment === 'dense_urban')!;
    expect(denseUrban.samples).toBeGreaterThan(760);
    expect(byClass.filter((entry) => entry !== denseUrban).every((entry) => entry.tooFew)).toBe(true);
    expect(correction).toMatchObject({ environment: 'dense_urban', samples: denseUrban.samples });
    for (const key of ['offsetDb', 'slopeDbPerDecade', 'standardErrorDb'])
      expect(typeof correction[key]).toBe('number');
    expect(result.rejected).toEqual([
      { row: 802, reason: 'rsrpOutOfRange', params: { value: '-170', min: -150, max: -20 } },
      expect.objectContaining({ row: 803 }),
    ]);
  });

  it('finds the 8 dB offset and brings the RMSE from √(8² + σ²) down to σ', () => {
    expect(Math.abs(result.corrections[0].offsetDb - 8)).toBeLessThan(
      2 * result.corrections[0].standardErrorDb,
    );
    expect(result.before.meanErrorDb).toBeCloseTo(8, 0);
    expect(result.before.rmseDb).toBeGreaterThan(Math.hypot(8, SIGMA_DB) * 0.95);
    expect(result.before.rmseDb).toBeLessThan(Math.hypot(8, SIGMA_DB) * 1.05);
    expect(result.after.rmseDb).toBeGreaterThan(SIGMA_DB * 0.92);
    expect(result.after.rmseDb).toBeLessThan(SIGMA_DB * 1.08);
    expect(Math.abs(result.after.meanErrorDb)).toBeLessThan(0.2);
  });

  it('writes corrections that coverage --calibration applies (an optimistic model loses coverage)', () => {
    const plain = cli(['coverage', '--sites', sitesFile, '--mode', 'pathloss']);
    const calibrated = cli(['coverage', '--sites', sitesFile, '--mode', 'pathloss', '--calibration', out]);
    expect(calibrated.code, calibrated.stderr).toBe(0);
    const before = JSON.parse(plain.stdout);
    const after = JSON.parse(calibrated.stdout);
    expect(after.calibration).toEqual({ file: out, corrections: 1 });
    expect(after.coveredKm2).toBeLessThan(before.coveredKm2);
  });

  it('probe --calibration adds the class correction to every path loss it reports', () => {
    // A correction written by hand: dense urban 6 dB more loss at every distance, no slope.
    const handFile = join(workspace, 'hand-corrections.json');
    writeFileSync(
      handFile,
      JSON.stringify({ corrections: [{ environment: 'dense_urban', offsetDb: 6, slopeDbPerDecade: 0 }] }),
    );
    const at = ['--at', '121.4805,31.2305', '--sites', sitesFile];
    const plain = cli(['probe', ...at]);
    const calibrated = cli(['probe', ...at, '--calibration', handFile]);
    expect(calibrated.code, calibrated.stderr).toBe(0);
    const before = JSON.parse(plain.stdout);
    const after = JSON.parse(calibrated.stdout);
    expect(after.calibration).toEqual({ file: handFile, corrections: 1 });
    type Server = { id: string; pathLossDb: number; rsrpDbm: number };
    const plainById = new Map<string, Server>(before.servers.map((server: Server) => [server.id, server]));
    // The Bund is dense urban: its best server is corrected by exactly 6 dB.
    const best = after.servers[0] as Server;
    expect(best.pathLossDb - plainById.get(best.id)!.pathLossDb).toBeCloseTo(6, 2);
    expect(plainById.get(best.id)!.rsrpDbm - best.rsrpDbm).toBeCloseTo(6, 2);
    for (const server of after.servers as Server[]) {
      const difference = server.pathLossDb - plainById.get(server.id)!.pathLossDb;
      expect([0, 6].some((expected) => Math.abs(difference - expected) < 0.01)).toBe(true);
    }
  });

  it('refuses bad input in one line and exit code 2', () => {
    const radius = cli(['coverage', '--sites', sitesFile, '--calibration', out]);
    expect(radius.code).toBe(2);
    expect(radius.stderr).toMatch(/--mode pathloss/);
    const broken = join(workspace, 'broken.json');
    writeFileSync(broken, JSON.stringify({ corrections: [{ environment: 'urban', offsetDb: 'x' }] }));
    const bad = cli(['coverage', '--sites', sitesFile, '--mode', 'pathloss', '--calibration', broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/offsetDb/);
    const noRsrp = join(workspace, 'sites.csv');
    writeFileSync(noRsrp, '经度,纬度,方位角\n121.47,31.23,120\n');
    const missing = cli(['calibrate', '--sites', sitesFile, '--measurements', noRsrp]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no RSRP column/);
  });
});
