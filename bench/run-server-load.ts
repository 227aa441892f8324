/**
 * `npm run bench:server`: the server load benchmark on PGlite and (with BENCH_DATABASE_URL or
 * DATABASE_URL) on PostgreSQL, in two modes (all planners on one shared scenario, then each on a
 * scenario of their own), one run after the other, each in its own process; writes the table into
 * docs/server.md between the markers after each run. Extra arguments go to bench/server-load.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const extra = process.argv.slice(2);
const engines =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
const modes = ['shared', 'own'];
const rows: Record<string, number | string>[] = [];
function writeTable(rows: Record<string, number | string>[]) {
  const ms = (value: number | string | undefined) => `${Number(value).toFixed(0)} ms`;
  const first = rows[0]!;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load generator and server on the same machine over loopback. ${first.users} planners, one edit each per second for ${first.seconds} s, on scenarios over the 32,000-site baseline each holding ${first.seedSites} candidate sites of its own (PUT body ${first.bodyKb} KB). Mode *own*: each planner edits a scenario of their own (writes never collide); *shared*: all edit one scenario (every write races ${Number(first.users) - 1} others, the worst case; an edit's latency includes its retries after 409).`,
    '',
    '| engine | mode | edits landed | edits/s | PUT median | PUT p99 | edit median (incl. retries) | edit p99 | ticks skipped (edit still retrying) | 409s | lost writes | server CPU per PUT | server peak RSS | load avg start → end |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.engine} | ${row.mode} | ${row.edits} | ${row.editsPerSecond} | ${ms(row.requestMedianMs)} | ${ms(row.requestP99Ms)} | ${ms(row.editMedianMs)} | ${ms(row.editP99Ms)} | ${row.skippedTicks} | ${row.conflicts} | **${row.lostWrites}** | ${row.serverCpuMsPerRequest} ms | ${row.serverPeakRssMb} MB | ${row.loadAtStart} → ${row.loadAtEnd} |`,
    ),
  ];
  const table = lines.join('\n');
  console.log(`\n${table}`);
  const doc = readFileSync('docs/server.md', 'utf8');
  const start = '<!-- server-bench:start -->';
  const end = '<!-- server-bench:end -->';
  writeFileSync(
    'docs/server.md',
    doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`),
  );
}
for (const [mode, engine] of modes.flatMap((mode) => engines.map((engine) => [mode, engine]))) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/server-load.ts', '--engine', engine!, '--mode', mode!, ...extra],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    },
  );
  if (run.status !== 0) throw new Error(`server-load --engine ${engine} --mode ${mode} failed`);
  const row = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number | string>;
  console.log(JSON.stringify(row));
  rows.push(row);
  // Each finished run goes into the page at once, so a long series interrupted keeps what it measured.
  writeTable(rows);
}
// The table as Biome lays out Markdown, so `npm test`'s format check passes on the page as written.
spawnSync('npx', ['biome', 'format', '--write', 'docs/server.md'], { stdio: 'inherit' });
