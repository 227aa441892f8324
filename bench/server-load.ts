/**
 * Load benchmark of the team server (a benchmark, not a test): N simulated planners on loopback, each
 * editing one shared scenario over the 32,000-site baseline once a second for a while, on PGlite or
 * PostgreSQL. Prints one JSON line: write latency (each PUT, and each edit including its retries after
 * 409), conflicts, lost writes (each planner's last accepted position must be in the final scenario,
 * and every accepted write must be a revision) and the server process's peak resident memory.
 *
 *   npx tsx bench/server-load.ts --engine pglite|postgresql [--users 50] [--seconds 60] [--port 4254]
 *     [--seed-sites 1000] [--mode own|shared]
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
/** own: each planner edits a scenario of their own; shared: all edit one (the contention worst case). */
const mode = argument('mode', 'own');
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
      // DATABASE_URL emptied: the server would otherwise take the PostgreSQL the environment names.
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
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

/**
 * CPU time the server process has used, ms (user + system, from /proc): the cost of the writes that
 * does not depend on how busy the rest of the machine is, unlike their wall-clock latency.
 */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After the command name: state is field 3, utime field 14, stime field 15 (clock ticks, 100 per second).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

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
      if (!response.ok)
        throw new Error(`login ${name} answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    };
    const cityToken = await login('city-a');
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
    const authorised = { authorization: `Bearer ${cityToken}`, 'content-type': 'application/json' };
    /** A scenario holding the seed candidates: the body every PUT of it carries. */
    const seededScenario = async (name: string): Promise<string> => {
      const created = await fetch(`${baseUrl}/api/scenarios`, {
        method: 'POST',
        headers: authorised,
        body: JSON.stringify({ name }),
      });
      const { id } = (await created.json()) as { id: string };
      const read = await fetch(`${baseUrl}/api/scenarios/${id}`, { headers: authorised });
      const start = ((await read.json()) as { scenario: Scenario }).scenario;
      await fetch(`${baseUrl}/api/scenarios/${id}`, {
        method: 'PUT',
        headers: { ...authorised, 'if-match': '"1"' },
        body: JSON.stringify({ ...start, addedSites: candidates }),
      });
      return id;
    };
    const sharedId = mode === 'shared' ? await seededScenario('load') : '';
    const scenarioIds: string[] = [];
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
      const id = mode === 'shared' ? sharedId : await seededScenario(`load ${index}`);
      scenarioIds.push(id);
      clients.push(new LoadClient(baseUrl, await login(name), id, site, nextPosition));
    }
    await Promise.all(clients.map((client) => client.open()));
    const loadAtStart = loadavg()[0]!;
    const cpuAtStart = cpuMs(server.pid!);
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
    const serverCpuMs = cpuMs(server.pid!) - cpuAtStart;
    const finals = new Map<string, { revision: number; scenario: Scenario }>();
    for (const id of new Set(scenarioIds)) {
      const final = await fetch(`${baseUrl}/api/scenarios/${id}`, { headers: authorised });
      finals.set(id, (await final.json()) as { revision: number; scenario: Scenario });
    }
    let lost = 0;
    clients.forEach((client, index) => {
      const landed = client.result.lastLanded;
      const final = finals.get(scenarioIds[index]!)!;
      const siteId = (client as unknown as { site: SiteFeature }).site.properties.id;
      const position = final.scenario.modifiedSites.find((site) => site.properties.id === siteId)?.geometry
        .coordinates;
      if (landed && JSON.stringify(position) !== JSON.stringify(landed)) lost += 1;
      if (!landed) console.error(`client ${index} landed nothing`);
    });
    const landedWrites = clients.reduce((sum, client) => sum + client.result.landedWrites, 0);
    // Revisions: 1 create + 1 seed per scenario + every accepted write; anything else is lost or invented.
    const revisions = [...finals.values()].reduce((sum, final) => sum + final.revision - 2, 0);
    const unaccounted = revisions - landedWrites;
    const finalBody = finals.values().next().value!;
    const requestMs = clients.flatMap((client) => client.result.requestMs);
    const editMs = clients.flatMap((client) => client.result.editMs);
    const bodyBytes = JSON.stringify(finalBody.scenario).length;
    console.log(
      JSON.stringify({
        engine,
        mode,
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
        revisionsWritten: revisions,
        serverPeakRssMb: Math.round(peakMb),
        serverCpuMsPerRequest: Math.round(serverCpuMs / Math.max(1, requestMs.length)),
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
