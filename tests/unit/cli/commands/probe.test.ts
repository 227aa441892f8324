/**
 * `probe`: the exact radio figures at points, checked against hand computations — the SINR of equal
 * co-channel servers (−10·log10(η), −10·log10(2η)), SINR = RSRP − N for a lone server, the noise of a
 * 30 kHz resource element, and the rate from TR 36.942's attenuated Shannon bound written out here anew.
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
    timeout: 300_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const workspace = mkdtempSync(join(tmpdir(), 'probe-cli-'));
const METRES_PER_DEGREE_LAT = 111_195;
const ORIGIN: [number, number] = [121.43, 31.2];
/** A position east/north of ORIGIN in metres (local flat frame, fine at a few hundred metres). */
function at(eastM: number, northM: number): [number, number] {
  const lonScale = METRES_PER_DEGREE_LAT * Math.cos((ORIGIN[1] * Math.PI) / 180);
  return [ORIGIN[0] + eastM / lonScale, ORIGIN[1] + northM / METRES_PER_DEGREE_LAT];
}

function siteFile(name: string, sites: { id: string; position: [number, number]; band: string }[]): string {
  const path = join(workspace, name);
  writeFileSync(
    path,
    JSON.stringify({
      type: 'FeatureCollection',
      features: sites.map((site) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: site.position },
        // Omni macros with the bandwidth written out, so the hand computation below knows it.
        properties: { id: site.id, kind: 'macro', band: site.band, bandwidthMHz: 100 },
      })),
    }),
  );
  return path;
}

const pair = siteFile('pair.geojson', [
  { id: 'west', position: at(-200, 0), band: 'n78' },
  { id: 'east', position: at(200, 0), band: 'n78' },
]);
// An equilateral triangle of side 400 m around ORIGIN.
const radius = 400 / Math.sqrt(3);
const triangle = siteFile(
  'triangle.geojson',
  [0, 120, 240].map((angleDeg, index) => ({
    id: `t${index}`,
    position: at(
      radius * Math.sin((angleDeg * Math.PI) / 180),
      radius * Math.cos((angleDeg * Math.PI) / 180),
    ),
    band: 'n78',
  })),
);
const twoBands = siteFile('two-bands.geojson', [
  { id: 'n78-site', position: at(-200, 0), band: 'n78' },
  { id: 'n41-site', position: at(200, 0), band: 'n41' },
]);

/** −174 dBm/Hz + 10·log10(30 kHz) + 7 dB. */
const NOISE_30KHZ_DBM = -174 + 10 * Math.log10(30_000) + 7;

/**
 * Hand rate for a 100 MHz carrier: max over 1–4 layers of L·min(0.6·log2(1 + SINR/L), 7.40625) ×
 * 273 PRB × 12 subcarriers × 14 symbols × 2,000 slots/s × (1 − 0.14) × TDD downlink share × (1 − η).
 */
function handRateMbps(sinrDb: number, downlinkShare: number, load: number): number {
  const sinr = 10 ** (sinrDb / 10);
  let efficiency = 0;
  for (let layers = 1; layers <= 4; layers++) {
    const perLayer = sinrDb - 10 * Math.log10(layers) < -10 ? 0 : 0.6 * Math.log2(1 + sinr / layers);
    efficiency = Math.max(efficiency, layers * Math.min(perLayer, 7.40625));
  }
  return (efficiency * 273 * 12 * 14 * 2000 * 0.86 * downlinkShare * (1 - load)) / 1e6;
}

describe('cli probe', () => {
  it('prints exactly the issue fields for one point, strongest server first', () => {
    const { code, stdout, stderr } = cli(['probe', '--sites', pair, '--at', at(-100, 30).join(',')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output).sort()).toEqual(
      ['bestServerId', 'noiseDbm', 'rateMbps', 'rsrpDbm', 'servers', 'sinrDb'].sort(),
    );
    expect(output.servers.map((server: { id: string }) => server.id)).toEqual(['west', 'east']);
    for (const server of output.servers) {
      expect(Object.keys(server).sort()).toEqual(['antennaGainDb', 'band', 'id', 'pathLossDb', 'rsrpDbm']);
      expect(server.antennaGainDb).toBeLessThanOrEqual(0);
      expect(server.band).toBe('n78');
    }
    expect(output.servers[0].rsrpDbm).toBeGreaterThan(output.servers[1].rsrpDbm);
    // The nearer server also has the smaller path loss (same mast, same model).
    expect(output.servers[0].pathLossDb).toBeLessThan(output.servers[1].pathLossDb);
    expect(output.bestServerId).toBe('west');
    expect(output.rsrpDbm).toBe(output.servers[0].rsrpDbm);
    expect(output.noiseDbm).toBeCloseTo(NOISE_30KHZ_DBM, 2);
    // SINR = S / (η·I + N) at the default load 0.5, from the printed powers.
    const interferenceMw = 0.5 * 10 ** (output.servers[1].rsrpDbm / 10) + 10 ** (output.noiseDbm / 10);
    expect(output.sinrDb).toBeCloseTo(output.rsrpDbm - 10 * Math.log10(interferenceMw), 2);
    expect(output.rateMbps).toBeCloseTo(handRateMbps(output.sinrDb, 90 / 140, 0.5), 0);
  });

  it.each([0.5, 0.2, 1])(
    'two equal co-channel servers at the midpoint: SINR = −10·log10(η) at load %s',
    (load) => {
      const { code, stdout } = cli([
        'probe',
        '--sites',
        pair,
        '--at',
        at(0, 0).join(','),
        '--load',
        String(load),
      ]);
      expect(code).toBe(0);
      const output = JSON.parse(stdout);
      expect(output.servers).toHaveLength(2);
      expect(output.sinrDb).toBeCloseTo(-10 * Math.log10(load), 1);
      expect(output.rateMbps).toBeCloseTo(handRateMbps(output.sinrDb, 90 / 140, load), 1);
    },
  );

  it('three equal co-channel servers at the centroid: SINR = −10·log10(2η)', () => {
    const { code, stdout } = cli(['probe', '--sites', triangle, '--at', ORIGIN.join(','), '--load', '0.5']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.servers).toHaveLength(3);
    expect(Math.abs(output.sinrDb - -10 * Math.log10(2 * 0.5))).toBeLessThan(0.1);
  });

  it('several points print points[] with lon and lat; other bands do not interfere', () => {
    const points = join(workspace, 'points.geojson');
    writeFileSync(
      points,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: at(200, 40) }, properties: {} },
        ],
      }),
    );
    const first = at(0, 0);
    const { code, stdout } = cli(['probe', '--sites', twoBands, '--at', first.join(','), '--points', points]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.points).toHaveLength(2);
    expect(output.points[0].lon).toBe(first[0]);
    expect(output.points[0].lat).toBe(first[1]);
    for (const point of output.points) {
      // Both sites reach each point, but on different bands: SINR is the signal-to-noise ratio.
      expect(point.servers).toHaveLength(2);
      expect(point.sinrDb).toBeCloseTo(point.rsrpDbm - point.noiseDbm, 2);
    }
    expect(output.points[1].bestServerId).toBe('n41-site');
    // n41's frame sends downlink 104 of 140 symbols.
    expect(output.points[1].rateMbps).toBeCloseTo(handRateMbps(output.points[1].sinrDb, 104 / 140, 0.5), 0);
  });

  it('a point no site reaches has no server and null figures', () => {
    const { code, stdout } = cli(['probe', '--sites', pair, '--at', at(20_000, 0).join(',')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      servers: [],
      bestServerId: null,
      rsrpDbm: null,
      noiseDbm: null,
      sinrDb: null,
      rateMbps: null,
    });
  });

  it.each([
    [['--at', '121.4'], /--at must be LON,LAT/],
    [['--at', '200,31'], /not a WGS84 position/],
    [[], /give at least one point/],
    [['--at', '121.4,31.2', '--mode', 'radius'], /radius mode has no RSRP or SINR/],
    [['--at', '121.4,31.2', '--load', '1.5'], /--load must be between 0 and 1/],
    [['--at', '121.4,31.2', '--sites', 'x'], /--sites given twice/],
  ])('%j fails with exit 2 and one line on stderr', (args, message) => {
    const { code, stdout, stderr } = cli(['probe', '--sites', pair, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
