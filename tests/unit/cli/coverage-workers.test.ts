/**
 * `coverage --workers N` splits the full compute into row bands over worker_threads (real threads here):
 * the printed figures equal the single-thread run's, in RSRP and in SINR, and a bad count is refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli/run-cli';

const workspace = mkdtempSync(join(tmpdir(), 'coverage-workers-'));
const sitesFile = join(workspace, 'sites.geojson');
// Sites from Chongming to Jinshan, so every band of three has sites of its own and near its edges.
const features = Array.from({ length: 60 }, (_, index) => ({
  type: 'Feature',
  geometry: {
    type: 'Point',
    coordinates: [121.2 + (index % 10) * 0.06, 30.8 + Math.floor(index / 10) * 0.14],
  },
  properties: {
    id: `site-${index}`,
    kind: index % 4 === 0 ? 'micro' : 'macro',
    band: index % 3 === 0 ? 'n28' : 'n78',
    ...(index % 2 === 0 ? { azimuthDeg: (index * 47) % 360 } : {}),
  },
}));
writeFileSync(sitesFile, JSON.stringify({ type: 'FeatureCollection', features }));

async function figures(args: string[]): Promise<Record<string, unknown>> {
  const { code, stdout, stderr } = await runCliInProcess(['coverage', '--sites', sitesFile, ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const summary = JSON.parse(stdout) as Record<string, unknown>;
  delete summary.elapsedMs;
  return summary;
}

describe('cli coverage --workers', () => {
  it('prints the same figures with 1 and 3 workers (path loss, RSRP)', async () => {
    const single = await figures(['--mode', 'pathloss', '--workers', '1']);
    expect(single.coveredKm2).toBeGreaterThan(50);
    expect(await figures(['--mode', 'pathloss', '--workers', '3'])).toEqual(single);
  }, 300_000);

  it('prints the same figures with 1 and 2 workers with SINR', async () => {
    const single = await figures(['--mode', 'pathloss', '--metric', 'sinr', '--workers', '1']);
    expect(single.sinrGoodFraction).toBeGreaterThan(0);
    expect(await figures(['--mode', 'pathloss', '--metric', 'sinr', '--workers', '2'])).toEqual(single);
  }, 300_000);

  it('refuses a count that is not a whole number from 1 to 64', async () => {
    for (const bad of ['0', '1.5', '65', 'many']) {
      const { code, stderr } = await runCliInProcess(['coverage', '--sites', sitesFile, '--workers', bad]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--workers/);
    }
  });
});
