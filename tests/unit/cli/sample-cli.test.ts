import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleSiteInput } from '../../../scripts/sample-inputs';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../../../src/domain/sample';

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

const workspace = mkdtempSync(join(tmpdir(), 'sample-cli-'));

describe('cli sample', () => {
  it('writes the 2020 sample: the app’s generator and seed, 32,000 base stations, labelled sample data', () => {
    const out = join(workspace, 'sample-2020.geojson');
    const { code, stdout, stderr } = cli(['sample', '--year', '2020', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      year: 2020,
      seed: SHIPPED_SITE_SEED,
      baseStations: 32_000,
      sectors: 96_000,
    });
    expect(summary.note).toBe('示意数据 / sample data');
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.type).toBe('FeatureCollection');
    expect(written.metadata).toMatchObject({
      year: 2020,
      baseStations: 32_000,
      note: '示意数据 / sample data',
    });
    const expected = generateSampleSites(readSampleSiteInput(), { seed: SHIPPED_SITE_SEED, year: 2020 });
    expect(JSON.stringify(written)).toBe(JSON.stringify(expected));
  });

  it('prints its help on stdout and exits 0', () => {
    const { code, stdout, stderr } = cli(['sample', '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/--year 2020\|2025/);
    expect(stdout).toMatch(/--out FILE\.geojson/);
  });

  it.each([
    [['sample', '--year', '2021', '--out', 'x.geojson'], /--year must be one of 2020\|2025/],
    [['sample', '--out', 'x.geojson'], /--year/],
    [['sample', '--year', '2025'], /--out/],
    [['sample', '--year', '2020', '--out', tmpdir()], /is a directory/],
    [['sample', '--year', '2020', '--out', 'x.geojson', '--seed', '1.5'], /--seed/],
  ])('bad input %j: one line on stderr, exit 2, no file', (args, message) => {
    const { code, stdout, stderr } = cli(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(existsSync(join(tmpdir(), 'x.geojson'))).toBe(false);
  });
});
