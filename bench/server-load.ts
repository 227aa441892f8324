/**
 * Load benchmark of the team server (a benchmark, not a test): N simulated planners on loopback, each
 * editing one shared scenario over the 32,000-site baseline once a second for a while, on PGlite or
 * PostgreSQL. Prints one JSON line: write latency (each PUT, and each edit including its retries after
 * 409), conflicts, lost writes (each planner's last accepted position must be in the final scenario,
 * and every accepted write must be a revision) and the server process's peak resident memory.
 *
 *   npx tsx bench/server-load.ts --engine pglite|postgresql [--users 50] [--seconds 60] [--port 4254]
 *     [--seed-sites 1000]
 * PostgreSQL comes from BENCH_DATABASE_URL or DATABASE_URL (a fresh schema is made and dropped).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createSeededRandom } from '../src/domain/geo/seeded-random';
import type { Scenario } from '../src/domain/scenario/scenario-types';
import type { SiteFeature } from '../src/domain/types';
import { addUser, type Role } from '../src/server/auth/users';
import { openDatabase } from '../src/server/database/database';
import { migrate } from '../src/server/database/migrations';
import { loadGeography } from '../src/server/geo/geography';
import { LoadClient } from './server-load-client';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1]! : fallback;
};
const engine = argument('engine', 'pglite');
const users = Number(argument('users', '50'));
const seconds = Number(argument('seconds', '60'));
const port = Number(argument('port', '4254'));
const seedSites = Number(argument('seed-sites', '1000'));
const PASSWORD = 'load benchmark password';

const geography = loadGeography();
const districts = [...geography.districts.keys()].sort();
const seeded = createSeededRandom(18);
const random = () => seeded.next();
const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
};

async function storage() {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'server-load-'));
    return {
      env: { DATA_DIR: dataDir },
      config: { dataDir },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL or DATABASE_URL for --engine postgresql');
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    env: { DATABASE_URL: scoped },
    config: { dataDir: '', databaseUrl: scoped },
    dispose: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** Accounts: one planner per district and two city planners; the clients share them, each with its own session. */
const accounts: [string, Role, string?][] = [
  ...districts.map((district): [string, Role, string] => [`d${district}`, 'district', district]),
  ['city-a', 'city'],
  ['city-b', 'city'],
];

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+) kB/)![1]) / 1024;
}

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (server.exitCode !== null) throw new Error('the server exited');
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not come up');
}

async function main() {
  const place = await storage();
  const setup = await openDatabase(place.config);
  await migrate(setup);
  await Promise.all(
    accounts.map(([name, role, district]) =>
      addUser(setup, { name, password: PASSWORD, role, district }, new Set(districts)),
    ),
  );
  await setup.close();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...place.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, server);
    const login = async (name: string) => {
      const response = await fetch(`${baseUrl}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password: PASSWORD }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    const cityToken = await login('city-a');
    const created = await fetch(`${baseUrl}/api/scenarios`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cityToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'load' }),
    });
    const { id } = (await created.json()) as { id: string };
    // The scenario's own content: candidate sites spread over the city (the body every PUT carries).
    const seeded = await fetch(`${baseUrl}/api/scenarios/${id}`, {
      headers: { authorization: `Bearer ${cityToken}` },
    });
    const start = ((await seeded.json()) as { scenario: Scenario }).scenario;
    const candidates = geography.baseline.features.slice(0, seedSites).map(
      (site, index): SiteFeature => ({
        type: 'Feature',
        geometry: {
          type: 'Point',
          coordinates: [site.geometry.coordinates[0]! + 0.001, site.geometry.coordinates[1]!],
        },
        properties: { id: `seed-${index}`, status: 'candidate', kind: 'micro', heightM: 20 },
      }),
    );
    await fetch(`${baseUrl}/api/scenarios/${id}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${cityToken}`,
        'content-type': 'application/json',
        'if-match': '"1"',
      },
      body: JSON.stringify({ ...start, addedSites: candidates }),
    });
    const clients: LoadClient[] = [];
    for (let index = 0; index < users; index++) {
      const [name, , district] = accounts[index % accounts.length]!;
      const home = district ?? districts[index % districts.length]!;
      const inHome = geography.baseline.features.filter(
        (site) => geography.districtOf(site.geometry.coordinates[0]!, site.geometry.coordinates[1]!) === home,
      );
      const site = inHome[Math.floor(index / accounts.length) + (district ? 0 : 7)]!;
      const [lon, lat] = site.geometry.coordinates as [number, number];
      const nextPosition = (): [number, number] => {
        for (;;) {
          const candidate: [number, number] = [
            lon + (random() - 0.5) * 0.002,
            lat + (random() - 0.5) * 0.002,
          ];
          if (geography.districtOf(...candidate) === home) return candidate;
        }
      };
      clients.push(new LoadClient(baseUrl, await login(name), id, site, nextPosition));
    }
    await Promise.all(clients.map((client) => client.open()));
    const loadAtStart = loadavg()[0]!;
    let skipped = 0;
    const pending: Promise<unknown>[] = [];
    const timers = clients.map((client, index) =>
      setTimeout(
        () => {
          const tick = () => pending.push(client.edit().then((ran) => (ran ? undefined : skipped++)));
          tick();
          const interval = setInterval(tick, 1000);
          setTimeout(() => clearInterval(interval), seconds * 1000 - (index * 1000) / users);
        },
        (index * 1000) / users,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));
    timers.forEach(clearTimeout);
    await Promise.all(pending);
    const peakMb = peakRssMb(server.pid!);
    const final = await fetch(`${baseUrl}/api/scenarios/${id}`, {
      headers: { authorization: `Bearer ${cityToken}` },
    });
    const finalBody = (await final.json()) as { revision: number; scenario: Scenario };
    const positions = new Map(
      finalBody.scenario.modifiedSites.map((site) => [site.properties.id, site.geometry.coordinates]),
    );
    let lost = 0;
    clients.forEach((client, index) => {
      const landed = client.result.lastLanded;
      const siteId = (client as unknown as { site: SiteFeature }).site.properties.id;
      if (landed && JSON.stringify(positions.get(siteId)) !== JSON.stringify(landed)) lost += 1;
      if (!landed) console.error(`client ${index} landed nothing`);
    });
    const landedWrites = clients.reduce((sum, client) => sum + client.result.landedWrites, 0);
    // Revisions: 1 create + 1 seed + every accepted write; anything else is a write lost or invented.
    const unaccounted = finalBody.revision - 2 - landedWrites;
    const requestMs = clients.flatMap((client) => client.result.requestMs);
    const editMs = clients.flatMap((client) => client.result.editMs);
    const bodyBytes = JSON.stringify(finalBody.scenario).length;
    console.log(
      JSON.stringify({
        engine,
        users,
        seconds,
        seedSites,
        bodyKb: Math.round(bodyBytes / 1024),
        edits: editMs.length,
        editsPerSecond: Math.round((editMs.length / seconds) * 10) / 10,
        skippedTicks: skipped,
        requests: requestMs.length,
        conflicts: clients.reduce((sum, client) => sum + client.result.conflicts, 0),
        failures: clients.reduce((sum, client) => sum + client.result.failures, 0),
        requestMedianMs: percentile(requestMs, 0.5),
        requestP99Ms: percentile(requestMs, 0.99),
        editMedianMs: percentile(editMs, 0.5),
        editP99Ms: percentile(editMs, 0.99),
        lostWrites: lost + Math.abs(unaccounted),
        finalRevision: finalBody.revision,
        serverPeakRssMb: Math.round(peakMb),
        loadAtStart: Math.round(loadAtStart * 10) / 10,
        loadAtEnd: Math.round(loadavg()[0]! * 10) / 10,
      }),
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await place.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
