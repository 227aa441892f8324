/**
 * `tsx bench/pool-bench.ts [count]` (also run by `npm run bench`): the cold and warm full compute with 1
 * and N threads (N = the cores), path loss with and without SINR, peak RSS per process; and the cold
 * `coverage` command of this checkout against another one's (BENCH_BASELINE_DIR, e.g. a worktree of the
 * previous commit), run alternately in one run. Writes its table into docs/engine.md between the
 * bench-pool markers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './bench-data';
import { writeBetweenMarkers } from './doc-markers';
import { benchSites } from './sample-sites';

const count = Number(process.argv[2] ?? 70_000);
const cores = availableParallelism();
const runs = 3;
// Rounds of the 1-thread and N-thread scenarios, alternated (each round is two fresh processes).
const rounds = Number(process.env.BENCH_POOL_ROUNDS ?? 3);
const lines: string[] = [];
const say = (line: string): void => {
  lines.push(line);
  console.log(line);
};
const tsx = resolve('node_modules/.bin/tsx');

function scenario(mode: string, workers: number): Record<string, number> {
  const result = spawnSync(tsx, ['bench/pool-scenario.ts', String(count), mode, String(workers), '5'], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`pool-scenario ${mode} ${workers} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** The cold `coverage` command's own elapsedMs (reading the files, the city, the compute, the figures). */
function cliColdMs(directory: string, sitesPath: string, extra: string[]): number {
  const result = spawnSync(
    join(directory, 'node_modules/.bin/tsx'),
    [join(directory, 'src/cli/main.ts'), 'coverage', '--sites', sitesPath, '--mode', 'pathloss', ...extra],
    { encoding: 'utf8', maxBuffer: 1 << 26, cwd: directory },
  );
  if (result.status !== 0) throw new Error(`coverage in ${directory} failed:\n${result.stderr}`);
  return (JSON.parse(result.stdout) as { elapsedMs: number }).elapsedMs;
}

const loadAtStart = loadavg()[0]!;
say(
  `Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average ${loadAtStart.toFixed(1)} at the start; ${count.toLocaleString('en')} sites of the 2025 sample, path loss, 50 m.`,
);
say('');
say(
  `**Threads** (\`coverage --workers\`; the main thread computes the first band): cold = the city's engine built plus the first full compute and its statistics, as the command does it; warm = median of 5 full computes after it; each the median of ${rounds} fresh processes per thread count, 1 and ${cores} threads alternately. Peak RSS: the largest of the whole process (all threads, under tsx: its loader adds about 60 MB).`,
);
say('');
say('| metric | threads | cold | warm | cold speed-up | warm speed-up | peak RSS | covered | SINR-good |');
say('|---|---|---|---|---|---|---|---|---|');
const warmRsrp: Record<number, number> = {};
/** Medians of `rounds` scenario runs, 1 and N threads taken alternately so both see the same load. */
function sideBySide(mode: string): Record<number, Record<string, number>> {
  const samples: Record<number, Record<string, number>[]> = { 1: [], [cores]: [] };
  for (let round = 0; round < rounds; round++)
    for (const workers of [1, cores]) samples[workers]!.push(scenario(mode, workers));
  const medians: Record<number, Record<string, number>> = {};
  for (const [workers, rows] of Object.entries(samples)) {
    const first = rows[0]!;
    medians[Number(workers)] = {
      ...first,
      coldMs: median(rows.map((row) => row.coldMs!)),
      warmMs: median(rows.map((row) => row.warmMs!)),
      peakRssMb: Math.max(...rows.map((row) => row.peakRssMb!)),
    };
  }
  return medians;
}
for (const mode of ['pathloss', 'sinr']) {
  const byWorkers = sideBySide(mode);
  const single = byWorkers[1]!;
  for (const workers of [1, cores]) {
    const row = byWorkers[workers]!;
    if (mode === 'pathloss') warmRsrp[workers] = row.warmMs!;
    say(
      `| ${mode === 'sinr' ? 'SINR' : 'RSRP'} | ${workers} | ${row.coldMs!.toFixed(0)} ms | **${row.warmMs!.toFixed(0)} ms** | ${(single.coldMs! / row.coldMs!).toFixed(2)}× | **${(single.warmMs! / row.warmMs!).toFixed(2)}×** | ${row.peakRssMb!.toFixed(0)} MB | ${(row.coveredFraction! * 100).toFixed(1)} % | ${row.sinrGoodFraction === undefined ? '–' : `${(row.sinrGoodFraction * 100).toFixed(1)} %`} |`,
    );
    if (mode === 'sinr') {
      say(
        `| SINR / RSRP (warm, ${workers} thread${workers > 1 ? 's' : ''}) | | | **${(row.warmMs! / warmRsrp[workers]!).toFixed(2)}×** | | | | | |`,
      );
    }
  }
}

const baseline = process.env.BENCH_BASELINE_DIR;
const workspace = mkdtempSync(join(tmpdir(), 'pool-bench-'));
const sitesPath = join(workspace, 'sites.geojson');
writeFileSync(sitesPath, JSON.stringify(benchSites(count, 20_250_101).sites));
say('');
say(
  `**Cold \`coverage\` command** (its own \`elapsedMs\`: files read and checked, city built, full compute, figures), median of ${runs} runs taken alternately${baseline ? `; baseline = the checkout in \`BENCH_BASELINE_DIR\` (${spawnSync('git', ['-C', baseline, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).stdout.trim()})` : ' (no BENCH_BASELINE_DIR: no baseline)'}:`,
);
say('');
say('| command | cold | against the baseline |');
say('|---|---|---|');
const times: Record<string, number[]> = { baseline: [], one: [], all: [] };
for (let run = 0; run < runs; run++) {
  if (baseline) times.baseline!.push(cliColdMs(baseline, sitesPath, []));
  times.one!.push(cliColdMs(process.cwd(), sitesPath, ['--workers', '1']));
  times.all!.push(cliColdMs(process.cwd(), sitesPath, ['--workers', String(cores)]));
}
const baselineMs = baseline ? median(times.baseline!) : undefined;
const ratio = (ms: number): string => (baselineMs ? `**${(baselineMs / ms).toFixed(2)}× faster**` : '–');
if (baselineMs) say(`| baseline | ${baselineMs.toFixed(0)} ms | 1× |`);
say(`| this build, --workers 1 | ${median(times.one!).toFixed(0)} ms | ${ratio(median(times.one!))} |`);
say(
  `| this build, --workers ${cores} | ${median(times.all!).toFixed(0)} ms | ${ratio(median(times.all!))} |`,
);
say('');
say(`Load average at the end: ${loadavg()[0]!.toFixed(1)}.`);
rmSync(workspace, { recursive: true, force: true });

if (writeBetweenMarkers('docs/engine.md', 'bench-pool', lines.join('\n'))) {
  spawnSync('node_modules/.bin/biome', ['format', '--write', 'docs/engine.md'], { encoding: 'utf8' });
  console.log('\n(table written into docs/engine.md)');
}
