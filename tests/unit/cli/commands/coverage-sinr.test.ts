/**
 * `coverage --metric sinr`: each area's SINR-good share and mean rate, checked against a naive
 * computation — the exact `probe` at the points of a 50 m lattice over the sites' neighbourhood, counting
 * the covered points, the SINR-good ones and their mean rate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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

const workspace = mkdtempSync(join(tmpdir(), 'coverage-sinr-'));
const METRES_PER_DEGREE_LAT = 111_195;
// In Xuhui, on land away from the Huangpu: the naive lattice below assumes every point is land.
const ORIGIN: [number, number] = [121.43, 31.19];
const LON_SCALE = METRES_PER_DEGREE_LAT * Math.cos((ORIGIN[1] * Math.PI) / 180);
const at = (eastM: number, northM: number): [number, number] => [
  ORIGIN[0] + eastM / LON_SCALE,
  ORIGIN[1] + northM / METRES_PER_DEGREE_LAT,
];

// Three co-channel micros close together (strong mutual interference) and one on another band.
const sitesFile = join(workspace, 'sites.geojson');
writeFileSync(
  sitesFile,
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      ['a', at(-150, 0), 'n78'],
      ['b', at(150, 0), 'n78'],
      ['c', at(0, 250), 'n78'],
      ['d', at(0, -250), 'n41'],
    ].map(([id, position, band]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties: { id, kind: 'micro', band },
    })),
  }),
);

const SINR_THRESHOLD_DB = 8;
const LOAD = 0.8;

describe('cli coverage --metric sinr', () => {
  it('adds sinrGoodFraction and meanRateMbps for the city and every district, matching the exact probe', () => {
    const { code, stdout, stderr } = cli([
      'coverage',
      '--sites',
      sitesFile,
      '--mode',
      'pathloss',
      '--metric',
      'sinr',
      '--load',
      String(LOAD),
      '--sinr-threshold-db',
      String(SINR_THRESHOLD_DB),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.districts).toHaveLength(16);
    for (const area of [output, ...output.districts]) {
      expect(area.sinrGoodFraction).toBeGreaterThanOrEqual(0);
      expect(area.sinrGoodFraction).toBeLessThanOrEqual(area.coveredFraction + 1e-9);
      expect(typeof area.meanRateMbps).toBe('number');
    }
    // Xuhui holds every site; its figures have the digits to compare (the city's fractions are tiny).
    const xuhui = output.districts.find((district: { adcode: string }) => district.adcode === '310104');
    expect(xuhui.meanRateMbps).toBeCloseTo(output.meanRateMbps, 0);
    // Interference at load 0.8 makes part of the covered land not good.
    expect(xuhui.sinrGoodFraction).toBeLessThan(xuhui.coveredFraction * 0.95);

    // The naive computation: probe every point of a 50 m lattice 1.5 km around the sites.
    const lattice: [number, number][] = [];
    for (let northM = -1500; northM <= 1500; northM += 50) {
      for (let eastM = -1500; eastM <= 1500; eastM += 50) lattice.push(at(eastM, northM));
    }
    const pointsFile = join(workspace, 'lattice.geojson');
    writeFileSync(
      pointsFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: lattice.map((position) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: position },
          properties: {},
        })),
      }),
    );
    const probe = cli(['probe', '--sites', sitesFile, '--points', pointsFile, '--load', String(LOAD)]);
    expect(probe.code).toBe(0);
    const points: { rsrpDbm: number | null; sinrDb: number | null; rateMbps: number | null }[] = JSON.parse(
      probe.stdout,
    ).points;
    const covered = points.filter((point) => point.rsrpDbm !== null && point.rsrpDbm >= -105);
    const good = covered.filter((point) => point.sinrDb! >= SINR_THRESHOLD_DB);
    const cellKm2 = 0.05 * 0.05;
    // Nothing reaches the lattice's edge, so the lattice holds every covered point.
    expect(xuhui.coveredKm2).toBeCloseTo(covered.length * cellKm2, 1);
    const goodKm2 = xuhui.sinrGoodFraction * xuhui.landKm2;
    expect(Math.abs(goodKm2 - good.length * cellKm2) / goodKm2).toBeLessThan(0.05);
    const meanRateMbps = covered.reduce((sum, point) => sum + point.rateMbps!, 0) / covered.length;
    expect(Math.abs(output.meanRateMbps - meanRateMbps) / meanRateMbps).toBeLessThan(0.03);
  });

  it('leaves the SINR fields out without --metric sinr, and refuses SINR in radius mode', () => {
    const plain = cli(['coverage', '--sites', sitesFile, '--mode', 'pathloss', '--cell-m', '200']);
    expect(plain.code).toBe(0);
    const output = JSON.parse(plain.stdout);
    expect(output).not.toHaveProperty('sinrGoodFraction');
    expect(output.districts[0]).not.toHaveProperty('meanRateMbps');
    const radius = cli(['coverage', '--sites', sitesFile, '--metric', 'sinr']);
    expect(radius.code).toBe(2);
    expect(radius.stderr).toMatch(/--metric sinr needs --mode pathloss/);
    const loadAlone = cli(['coverage', '--sites', sitesFile, '--mode', 'pathloss', '--load', '0.3']);
    expect(loadAlone.code).toBe(2);
    expect(loadAlone.stderr).toMatch(/--load applies only with --metric sinr/);
  });
});
