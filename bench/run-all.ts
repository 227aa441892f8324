/**
 * `npm run bench`: every figure measured in this one run, each scenario in its own process (so peak
 * memory is its own). Prints a markdown table and writes it into docs/engine.md between the markers.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Each scenario runs as a bundled script in plain Node: under tsx its loader thread alone adds ~60 MB
 * of resident memory, which is the harness's, not the engine's.
 */
// One folder below the repository (git-ignored): the sample generator reads `<bundle>/../data/geo`, which
// from a temporary folder was /tmp/data/geo.
const bundles = 'dist-bench';
mkdirSync(bundles, { recursive: true });
// Built once per run (never a stale bundle left by an earlier run).
const bundled = new Set<string>();
function bundle(script: string): string {
  const outfile = join(bundles, `run-all-${basename(script, '.ts')}.mjs`);
  if (!bundled.has(outfile)) {
    bundled.add(outfile);
    buildSync({
      entryPoints: [script],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'warning',
    });
  }
  return outfile;
}

function child(script: string, args: string[]): Record<string, number | string> {
  const result = spawnSync(process.execPath, ['--expose-gc', bundle(script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${result.stderr}`);
  const line = result.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as Record<string, number | string>;
}

const f0 = (value: number | string | undefined): string => Number(value).toFixed(0);
const f1 = (value: number | string | undefined): string => Number(value).toFixed(1);
const lines: string[] = [];
const say = (line: string): void => {
  lines.push(line);
  console.log(line);
};

say(
  `Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the start (the cores are shared); 50 m grid (${'5.74'} M cells over Shanghai's districts); sites from \`generateSampleSites\` (seeded).`,
);
say('');
say(
  '**Radius mode vs the Turf baseline** (turf.circle 32 steps → union → area; gaps = land − union; r = 400 m, grid radius matched to the 32-gon area). Turf: median of 3 runs. Engine: full compute from postMessage-style copies of the sites plus the statistics, median of 11 after 5 warm-up runs (its cold first compute is in the next table):',
);
say('');
say(
  '| sites | Turf | engine (grid + stats + gap components) | ratio | engine incl. gap polygons | ratio | covered km² Turf / engine | difference |',
);
say('|---|---|---|---|---|---|---|---|');
for (const count of [500, 2000]) {
  const row = child('bench/turf-comparison.ts', [String(count)]);
  const turf = Number(row.turfMs);
  const difference = (Number(row.engineCoveredKm2) / Number(row.turfCoveredKm2) - 1) * 100;
  say(
    `| ${count} | ${f0(turf)} ms | ${f1(row.engineMs)} ms | ${f0(turf / Number(row.engineMs))}× | ${f1(row.engineWithPolygonsMs)} ms | ${f0(turf / Number(row.engineWithPolygonsMs))}× | ${f1(row.turfCoveredKm2)} / ${f1(row.engineCoveredKm2)} | ${difference.toFixed(2)} % |`,
  );
}
say('');
say(
  '**Engine alone**, full recompute (place sites, merge, statistics, gap components) median of 5 after one cold run; gap polygons traced separately; single-site move (50–300 m) median of 60:',
);
say('');
say(
  '| sites | mode | cold (kernels built) | full recompute | gap polygons | move: engine | move p90 | move + stats + gaps reply | peak RSS (process) | live after GC | covered | gaps |',
);
say('|---|---|---|---|---|---|---|---|---|---|---|---|');
// 'sinr' is path loss with interference, SINR, rate and quality gaps; its cost is compared with
// RSRP-only path loss ('pathloss') measured in the same run, below.
const sinrCost: {
  count: number;
  rsrp: Record<string, number | string>;
  sinr: Record<string, number | string>;
}[] = [];
for (const count of [10_000, 35_000, 70_000]) {
  const rows: Record<string, Record<string, number | string>> = {};
  for (const mode of ['radius', 'pathloss', 'sinr']) {
    const row = child('bench/engine-scenario.ts', [String(count), mode, '5', '60']);
    rows[mode] = row;
    say(
      `| ${count.toLocaleString('en')} | ${mode} | ${f0(row.coldMs)} ms | **${f0(row.fullMs)} ms** | ${f0(row.polygonsMs)} ms | **${f1(row.moveMs)} ms** | ${f1(row.moveP90Ms)} ms | ${f1(row.replyMs)} ms | ${f0(row.peakRssMb)} MB | ${f0(row.liveMb)} MB | ${(Number(row.coveredFraction) * 100).toFixed(1)} % | ${row.gaps} |`,
    );
  }
  sinrCost.push({ count, rsrp: rows.pathloss!, sinr: rows.sinr! });
}
say('');
say(
  '**SINR cost against RSRP-only** (path loss, 50 m; the rows above, same run): full recompute and single-site move medians, and their ratios (issue #12 asks ≤ 2× for the full recompute at 70,000 sites, ≤ 15 ms per move, ≤ 450 MB peak RSS):',
);
say('');
say(
  '| sites | full: RSRP | full: SINR | ratio | move: RSRP | move: SINR | ratio | peak RSS SINR | SINR-good | mean rate |',
);
say('|---|---|---|---|---|---|---|---|---|---|');
for (const { count, rsrp, sinr } of sinrCost) {
  say(
    `| ${count.toLocaleString('en')} | ${f0(rsrp.fullMs)} ms | ${f0(sinr.fullMs)} ms | **${(Number(sinr.fullMs) / Number(rsrp.fullMs)).toFixed(2)}×** | ${f1(rsrp.moveMs)} ms | ${f1(sinr.moveMs)} ms | ${(Number(sinr.moveMs) / Number(rsrp.moveMs)).toFixed(2)}× | ${f0(sinr.peakRssMb)} MB | ${(Number(sinr.sinrGoodFraction) * 100).toFixed(1)} % | ${f0(sinr.meanRateMbps)} Mbit/s |`,
  );
}

say('');
say(`Load average at the end: ${loadavg()[0]!.toFixed(1)}.`);

// Threads and the cold command (docs/engine.md, bench-pool markers): under tsx, as the CLI runs.
spawnSync('node_modules/.bin/tsx', ['bench/pool-bench.ts'], { stdio: 'inherit' });

// Calibration (docs/calibration.md): 200,000 synthetic drive-test samples against the 32,000 sample
// sites; the script writes its own line into docs/calibration.md.
console.log(JSON.stringify(child('bench/calibration-bench.ts', ['200000', '--write-docs', '--bundled'])));

// The table goes into docs/engine.md (with the discussion) and the README, between the markers.
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
for (const documentPath of ['docs/engine.md', 'README.md']) {
  try {
    const document = readFileSync(documentPath, 'utf8');
    const from = document.indexOf(start);
    const to = document.indexOf(end);
    if (from < 0 || to < from) continue;
    writeFileSync(
      documentPath,
      `${document.slice(0, from + start.length)}\n${lines.join('\n')}\n${document.slice(to)}`,
    );
    // Keep the document as the formatter wants it (Biome pads markdown tables), so `npm run lint` stays clean.
    spawnSync('node_modules/.bin/biome', ['format', '--write', documentPath], { encoding: 'utf8' });
    console.log(`\n(table written into ${documentPath})`);
  } catch {
    console.log(`\n(${documentPath} not found; table not written)`);
  }
}
for (const outfile of bundled) rmSync(outfile, { force: true });
