import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess, spawnCli } from '../support/cli/run-cli';

/** Runs the CLI in this process, from another working directory (see support/run-cli.ts). */
function cli(args: string[]) {
  return runCliInProcess(args);
}

const workspace = mkdtempSync(join(tmpdir(), 'coverage-cli-'));
const sitesFile = join(workspace, 'sites.geojson');
writeFileSync(
  sitesFile,
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.4737, 31.2304] },
        properties: { id: 'people-square', radiusM: 2000 },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.5, 31.24] },
        properties: { id: 'lujiazui', kind: 'micro' },
      },
    ],
  }),
);

describe('cli pathloss', () => {
  // Spawned as `npm run --silent cli --` runs it: the process's stdout holds exactly one JSON object.
  it('prints the 38.901 path loss as one JSON object', () => {
    const { code, stdout } = spawnCli([
      'pathloss',
      '--model',
      'uma',
      '--condition',
      'nlos',
      '--fc-ghz',
      '3.5',
      '--d2d-m',
      '300',
      '--hbs-m',
      '25',
      '--hut-m',
      '1.5',
    ]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.pathLossDb).toBeCloseTo(121.2792, 2); // independent value, see propagation tests
  });

  // Spawned: the process's exit code is 2 and stderr holds one line.
  it('rejects a bad model with exit code 2 and a one-line error', () => {
    const { code, stdout, stderr } = spawnCli([
      'pathloss',
      '--model',
      'cost231',
      '--condition',
      'nlos',
      '--fc-ghz',
      '3.5',
      '--d2d-m',
      '300',
      '--hbs-m',
      '25',
      '--hut-m',
      '1.5',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--model must be one of uma\|umi\|rma\|inh/);
  });
});

describe('cli coverage', () => {
  it('prints city, district and gap figures and writes gaps and statistics with --out', async () => {
    const out = join(workspace, 'out');
    const { code, stdout, stderr } = await cli([
      'coverage',
      '--sites',
      sitesFile,
      '--cell-m',
      '100',
      '--out',
      out,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.landKm2).toBeGreaterThan(6000);
    // A 2 km disc (12.57 km²) plus a 150 m micro disc, all on land.
    expect(output.coveredKm2).toBeGreaterThan(12.3);
    expect(output.coveredKm2).toBeLessThan(12.9);
    expect(output.coveredFraction).toBeCloseTo(output.coveredKm2 / output.landKm2, 4);
    expect(output.districts).toHaveLength(16);
    // Land is the land mask: the official area beside it, and a note where they differ by more than 5 %.
    expect(output.landKm2).toBeLessThan(6340.5 * 1.07);
    expect(output.officialKm2).toBeCloseTo(6340.5, 1);
    const chongming = output.districts.find((district: { adcode: string }) => district.adcode === '310151');
    expect(chongming.officialKm2).toBe(1185.49);
    expect(chongming.differenceFromOfficial).toBeGreaterThan(0.05);
    expect(chongming.landNote).toMatch(/reclaimed/);
    const xuhui = output.districts.find((district: { adcode: string }) => district.adcode === '310104');
    expect(Math.abs(xuhui.differenceFromOfficial)).toBeLessThan(0.05);
    expect(xuhui.landNote).toBeUndefined();
    const huangpu = output.districts.find((district: { adcode: string }) => district.adcode === '310101');
    expect(huangpu.coveredFraction).toBeGreaterThan(0.2);
    expect(output.gaps.count).toBeGreaterThan(0);
    expect(output.gaps.areaKm2).toBeGreaterThan(output.landKm2 - output.coveredKm2 - 1);
    expect(typeof output.elapsedMs).toBe('number');
    const gaps = JSON.parse(readFileSync(join(out, 'gaps.geojson'), 'utf8'));
    expect(gaps.features).toHaveLength(output.gaps.count);
    const stats = JSON.parse(readFileSync(join(out, 'coverage-stats.json'), 'utf8'));
    expect(stats.coveredKm2).toBeCloseTo(output.coveredKm2, 2);
  });

  it('runs in path-loss mode with a threshold', async () => {
    const { code, stdout } = await cli([
      'coverage',
      '--sites',
      sitesFile,
      '--mode',
      'pathloss',
      '--cell-m',
      '200',
      '--threshold-dbm',
      '-110',
    ]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.mode).toBe('pathloss');
    expect(output.coveredKm2).toBeGreaterThan(1);
  });

  it.each([
    [['coverage', '--sites', 'missing.geojson'], /cannot read sites file "missing.geojson"/],
    [['coverage', '--sites', 'SITES', '--cell-m', '10'], /--cell-m must be between 25 and 200/],
    [['coverage', '--sites', 'SITES', '--mode', 'fancy'], /--mode must be one of radius\|pathloss/],
    [['coverage', '--sites', 'SITES', '--threshold-dbm', 'loud'], /--threshold-dbm must be a number/],
    [['coverage', '--sites', 'SITES', '--frobnicate', '1'], /unknown option --frobnicate/],
    [['coverage'], /missing required option --sites/],
    [['coverage', '--sites', 'BAD'], /feature 2 \(id "y"\): geometry must be a Point, not LineString/],
  ])('%j fails with exit 2, one line on stderr, nothing written', async (args, message) => {
    const bad = join(workspace, 'bad.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [121.4, 31.2] },
            properties: { id: 'x' },
          },
          { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: { id: 'y' } },
        ],
      }),
    );
    const out = join(workspace, `never-${Math.random().toString(36).slice(2)}`);
    const resolved = args.map((arg) => (arg === 'SITES' ? sitesFile : arg === 'BAD' ? bad : arg));
    const { code, stdout, stderr } = await cli([...resolved, '--out', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
