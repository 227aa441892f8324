/**
 * `tsx bench/sinr-cost.ts [--base REF] [--count 70000] [--rounds 3] [--runs 3] [--moves 30] [--write-docs]`:
 * issue #12's SINR targets side by side — RSRP-only and SINR full recompute, single-site move (engine,
 * and the worker's reply: stats and gap changes), peak RSS — for this checkout and, with `--base`, the
 * engine of another commit (its src/ under this checkout's bench/, so both are measured the same way).
 * The builds take turns, round after round, each scenario in its own process; the table gives the
 * medians over rounds, with the load average before and after. With --write-docs it goes into
 * docs/engine.md between the bench-sinr markers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { median } from './bench-data';

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const baseRef = process.argv.includes('--base') ? argument('base', 'main') : undefined;
const count = argument('count', '70000');
const rounds = Number(argument('rounds', '3'));
const runs = argument('runs', '3');
const moves = argument('moves', '30');

const root = resolve('.');
/**
 * A scenario bundle must sit one folder below its tree's root (the sample generator reads
 * `<bundle>/../data/geo`), so bundles go to dist-bench/ (ignored by git and Biome).
 */
function bundle(tree: string): string {
  const outfile = join(tree, 'dist-bench', 'engine-scenario.mjs');
  buildSync({
    entryPoints: [join(tree, 'bench/engine-scenario.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** The base commit's src/ and scripts/ with this checkout's bench/, data/ and node_modules. */
function baseTree(ref: string): string {
  const tree = join(root, 'dist-bench', 'sinr-base');
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const archive = execFileSync('git', ['archive', ref, 'src', 'scripts'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', tree], { input: archive });
  cpSync(join(root, 'bench'), join(tree, 'bench'), { recursive: true });
  for (const name of ['data', 'node_modules']) symlinkSync(join(root, name), join(tree, name));
  return tree;
}

type Row = Record<string, number>;
const builds: { name: string; script: string; cwd: string }[] = [];
if (baseRef) {
  const tree = baseTree(baseRef);
  builds.push({ name: `base (${baseRef})`, script: bundle(tree), cwd: tree });
}
builds.push({ name: 'this checkout', script: bundle(root), cwd: root });

const loadBefore = loadavg()[0]!;
const results = new Map<string, Row[]>();
for (let round = 0; round < rounds; round++) {
  for (const build of builds) {
    for (const mode of ['pathloss', 'sinr']) {
      const child = spawnSync(process.execPath, ['--expose-gc', build.script, count, mode, runs, moves], {
        cwd: build.cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (child.status !== 0) throw new Error(`${build.name} ${mode} failed:\n${child.stderr}`);
      const row = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Row;
      const key = `${build.name}|${mode}`;
      results.set(key, [...(results.get(key) ?? []), row]);
      console.error(`round ${round + 1} ${key}: ${JSON.stringify(row)}`);
    }
  }
}
const loadAfter = loadavg()[0]!;

const of = (build: string, mode: string, field: string): number =>
  median((results.get(`${build}|${mode}`) ?? []).map((row) => Number(row[field])));
/** SINR over RSRP within each round (the two ran back to back, under about the same load), median over rounds. */
const roundRatio = (build: string, field: string): number => {
  const rsrp = results.get(`${build}|pathloss`) ?? [];
  const sinr = results.get(`${build}|sinr`) ?? [];
  return median(sinr.map((row, round) => Number(row[field]) / Number(rsrp[round]![field])));
};
const ms = (value: number): string => `${value.toLocaleString('en', { maximumFractionDigits: 0 })} ms`;
const ms1 = (value: number): string => `${value.toFixed(1)} ms`;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 16)}Z by \`tsx bench/sinr-cost.ts${baseRef ? ` --base ${baseRef}` : ''} --count ${count} --rounds ${rounds}\` on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after (shared cores: read the ratios). ${Number(count).toLocaleString('en')} sites, path loss, 50 m; each figure the median over ${rounds} rounds of the builds taking turns, each round's figure itself the median of ${runs} warm full computes and ${moves} moves (engine-scenario.ts). "Reply" is the move plus the worker's reply (statistics, every gap listed).`,
  '',
  '| build | full: RSRP | full: SINR | ratio (≤ 2×): of medians / median per round | move: RSRP | move: SINR (≤ 15 ms) | move + reply: SINR | peak RSS: RSRP | peak RSS: SINR (≤ 450 MB) | quality gaps |',
  '|---|---|---|---|---|---|---|---|---|---|',
];
for (const { name } of builds) {
  const rsrp = of(name, 'pathloss', 'fullMs');
  const sinr = of(name, 'sinr', 'fullMs');
  lines.push(
    `| ${name} | ${ms(rsrp)} | ${ms(sinr)} | ${(sinr / rsrp).toFixed(2)}× / ${roundRatio(name, 'fullMs').toFixed(2)}× | ${ms1(of(name, 'pathloss', 'moveMs'))} | ${ms1(of(name, 'sinr', 'moveMs'))} | ${ms1(of(name, 'sinr', 'replyMs'))} | ${of(name, 'pathloss', 'peakRssMb').toFixed(0)} MB | ${of(name, 'sinr', 'peakRssMb').toFixed(0)} MB | ${of(name, 'sinr', 'qualityGaps').toLocaleString('en')} |`,
  );
}
console.log(lines.join('\n'));

if (process.argv.includes('--write-docs')) {
  const path = 'docs/engine.md';
  const start = '<!-- bench-sinr:start -->';
  const end = '<!-- bench-sinr:end -->';
  const document = readFileSync(path, 'utf8');
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no ${start} … ${end} markers`);
  writeFileSync(
    path,
    `${document.slice(0, from + start.length)}\n${lines.join('\n')}\n${document.slice(to)}`,
  );
  if (existsSync('node_modules/.bin/biome'))
    spawnSync('node_modules/.bin/biome', ['format', '--write', path]);
  console.log(`(written into ${path})`);
}
