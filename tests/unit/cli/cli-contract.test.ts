/**
 * The CLI's shared contract, run in-process: `--help` on every command prints its usage on stdout and
 * exits 0 (suggest lists --exact), and site files are checked with the attribute panel's rules — a
 * 10 km mast or a 10⁶ m radius is one line on stderr and exit 2, never a hang.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, runCli } from '../../../src/cli/cli';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...values) => void out.push(values.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...values) => void err.push(values.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const workspace = mkdtempSync(join(tmpdir(), 'cli-contract-'));
function siteFile(name: string, properties: Record<string, unknown>): string {
  const path = join(workspace, name);
  const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [121.47, 31.23] }, properties };
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
  return path;
}

describe('--help', () => {
  it.each(COMMAND_NAMES)('%s --help prints its usage on stdout and exits 0', async (name) => {
    expect(await runCli([name, '--help'])).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toMatch(new RegExp(`^usage: npm run --silent cli -- ${name}`));
    expect(text).toContain('--help');
  });

  it('-h works after other flags too, and the general help lists every command', async () => {
    expect(await runCli(['coverage', '--sites', 'x.geojson', '-h'])).toBe(0);
    expect(out.join('\n')).toContain('--min-gap-km2');
    out = [];
    expect(await runCli(['--help'])).toBe(0);
    for (const name of COMMAND_NAMES) expect(out.join('\n')).toContain(`  ${name} `);
  });

  it('suggest lists --exact; import lists its flags', async () => {
    await runCli(['suggest', '--help']);
    expect(out.join('\n')).toMatch(/--exact\s+optimal choice/);
    out = [];
    await runCli(['import', '--help']);
    for (const flag of ['--layer', '--crs', '--status', '--allow-outside', '--swap-lat-lon', '--out']) {
      expect(out.join('\n')).toContain(flag);
    }
  });

  it('no command at all is a usage error on stderr (exit 2)', async () => {
    expect(await runCli([])).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('usage:');
  });
});

describe('site files follow the attribute panel rules', () => {
  it.each([
    ['a 10 km mast', { id: 'tall', heightM: 10_000 }, 'heightM must be between 1 and 300 m'],
    ['a 10⁶ m radius', { id: 'wide', radiusM: 1e6 }, 'radiusM must be between 1 and 50000 m'],
    ['an unknown band', { id: 'b', band: 'n99' }, 'band has an invalid value (one of n28|n41|n78|n79)'],
    ['an empty name', { id: 'n', name: '  ' }, 'name must not be empty'],
  ])('coverage refuses %s in one line, exit 2', async (_, properties, reason) => {
    const path = siteFile(`${properties.id}.geojson`, properties);
    const started = performance.now();
    expect(await runCli(['coverage', '--sites', path])).toBe(2);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toBe(`error: sites file "${path}", feature 0 (id "${properties.id}"): ${reason}`);
  });

  it('suggest refuses a candidate file the panel would refuse', async () => {
    const sites = siteFile('ok.geojson', { id: 'ok' });
    const candidates = siteFile('bad-candidates.geojson', { id: 'c', kind: 'micro', heightM: 0 });
    expect(await runCli(['suggest', '--sites', sites, '--candidates', candidates, '--count', '1'])).toBe(2);
    expect(err).toEqual([
      `error: candidates file "${candidates}", feature 0 (id "c"): heightM must be between 1 and 300 m`,
    ]);
  });
});
