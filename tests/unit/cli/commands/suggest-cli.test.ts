/** The `suggest` command, run in-process through the CLI's main(), on the shipped city and pole data. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleSiteInput } from '../../../../scripts/sample-inputs';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../../src/domain/sample';
import type { PoleCollection, SiteCollection } from '../../../../src/domain/types';
import { runCliInProcess } from '../../support/cli/run-cli';

/** Runs the CLI in this process, from another working directory (see support/run-cli.ts). */
function cli(args: string[]) {
  return runCliInProcess(['suggest', ...args]);
}

const workspace = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
const sites = generateSampleSites(readSampleSiteInput(), {
  seed: SHIPPED_SITE_SEED,
  year: 2020,
}) as SiteCollection;
const poles = JSON.parse(readFileSync('data/geo/sample-poles.geojson', 'utf8')) as PoleCollection;
const sitesFile = join(workspace, 'sites.geojson');
// Every eighth Huangpu base station (all its sectors): the district keeps real holes for the poles to fill.
writeFileSync(
  sitesFile,
  JSON.stringify({
    type: 'FeatureCollection',
    features: sites.features.filter(
      (site) => site.properties.adcode === '310101' && Number(site.properties.id.slice(6, 12)) % 8 === 0,
    ),
  }),
);
const huangpuPoles = poles.features.filter((pole) => pole.properties.adcode === '310101');
const fewPolesFile = join(workspace, 'few-poles.geojson');
writeFileSync(
  fewPolesFile,
  JSON.stringify({
    type: 'FeatureCollection',
    features: huangpuPoles.filter((_, index) => index % 5 === 0),
  }),
);

interface Output {
  suggested: { id: string; lon: number; lat: number; poleId?: string; gainKm2: number }[];
  coveredKm2Before: number;
  coveredKm2After: number;
  elapsedMs: number;
  method: string;
}

describe('cli suggest', () => {
  it('prints the picks in order with gains that add up to the coverage change', async () => {
    const { code, stdout, stderr } = await cli([
      '--sites',
      sitesFile,
      '--candidates',
      resolve('data/geo/sample-poles.geojson'),
      '--count',
      '6',
      '--area',
      '310101',
      '--min-spacing-m',
      '250',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Output;
    expect(output.suggested).toHaveLength(6);
    const gains = output.suggested.map((pick) => pick.gainKm2);
    expect(gains.every((gain) => gain > 0)).toBe(true);
    const sum = gains.reduce((total, gain) => total + gain, 0);
    expect(output.coveredKm2After - output.coveredKm2Before).toBeCloseTo(sum, 4);
    expect(output.coveredKm2After).toBeGreaterThan(output.coveredKm2Before);
    const huangpuIds = new Set(huangpuPoles.map((pole) => pole.properties.id));
    for (const pick of output.suggested) {
      expect(huangpuIds.has(pick.id)).toBe(true);
      expect(pick.poleId).toBe(pick.id);
    }
    expect(output.elapsedMs).toBeGreaterThan(0);
  });

  it('--exact is at least as good as greedy on a small candidate set', async () => {
    const common = ['--sites', sitesFile, '--candidates', fewPolesFile, '--count', '3', '--area', '310101'];
    const greedy = JSON.parse((await cli(common)).stdout) as Output;
    const exact = JSON.parse((await cli([...common, '--exact'])).stdout) as Output;
    expect(exact.method).toBe('exact');
    expect(greedy.suggested).toHaveLength(3);
    // On this small, seeded instance greedy is optimal: HiGHS proves the same three poles.
    expect(new Set(exact.suggested.map((pick) => pick.id))).toEqual(
      new Set(greedy.suggested.map((pick) => pick.id)),
    );
    expect(exact.coveredKm2After).toBeCloseTo(greedy.coveredKm2After, 6);
  });

  it.each([
    [['--sites', sitesFile, '--candidates', fewPolesFile], /--count/],
    [['--sites', sitesFile, '--candidates', '/nope.geojson', '--count', '2'], /candidates file/],
    [['--sites', sitesFile, '--candidates', fewPolesFile, '--count', '2', '--area', '999999'], /--area/],
    [['--sites', sitesFile, '--candidates', fewPolesFile, '--count', '0'], /--count/],
    [['--sites', sitesFile, '--candidates', fewPolesFile, '--count', '2', '--mode', 'x'], /--mode/],
  ])('bad input %j: one line on stderr, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
