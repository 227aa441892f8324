/**
 * The team feature for the specs: start a real team server (embedded PGlite in a temp directory) on
 * loopback, and drive the Team tab as a planner would — connect, sign in, open a shared scenario —
 * reading sync state from the header and the store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addUser, type Role } from '../../../src/server/auth/users';
import { openPglite } from '../../../src/server/database/database';
import { migrate } from '../../../src/server/database/migrations';
import { loadDistricts } from '../../../src/server/geo/geography';
import { expect } from '../driver';

export const TEAM_PASSWORD = 'team e2e password';

export interface RunningTeamServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `npm run server`'s entry on `port` with users already added (as `user add` would). */
export async function startTeamServer(
  port: number,
  appOrigin: string,
  users: [string, Role, string?][],
): Promise<RunningTeamServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'team-e2e-'));
  const setup = await openPglite(dataDir, { holder: 'the end-to-end set-up' });
  await migrate(setup);
  const districts = new Set(loadDistricts().districts.keys());
  for (const [name, role, district] of users)
    await addUser(setup, { name, password: TEAM_PASSWORD, role, district }, districts);
  await setup.close();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, APP_ORIGIN: appOrigin, DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null) throw new Error('the team server exited');
    const up = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 240) throw new Error('the team server did not come up');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) =>
        server.exitCode !== null ? resolve(null) : server.once('exit', resolve),
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a shared scenario through the API, as a script would (bearer token). */
export async function createSharedScenario(serverUrl: string, user: string, name: string): Promise<string> {
  const login = await fetch(`${serverUrl}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: user, password: TEAM_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const created = await fetch(`${serverUrl}/api/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name }),
  });
  return ((await created.json()) as { id: string }).id;
}

export class TeamPanel {
  constructor(readonly page: Page) {}

  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: /团队|Team/ }).click();
    await expect(this.page.getByTestId('team-panel')).toBeVisible();
  }

  async connect(serverUrl: string): Promise<void> {
    await this.page.locator('#team-server-url').fill(serverUrl);
    await this.page.locator('[data-action="team-connect"]').click();
    await expect(this.page.locator('#team-name')).toBeVisible({ timeout: 30_000 });
  }

  async signIn(name: string): Promise<void> {
    await this.page.locator('#team-name').fill(name);
    await this.page.locator('#team-password').fill(TEAM_PASSWORD);
    await this.page.locator('[data-action="team-sign-in"]').click();
    await expect(this.page.getByTestId('team-user')).toContainText(name);
  }

  async openShared(name: string): Promise<void> {
    const item = this.page.getByTestId('team-shared-list').locator('li', { hasText: name });
    await item.locator('[data-action="team-open"]').click();
    await expect(this.page.getByTestId('team-open-shared')).toBeVisible();
    await expect.poll(() => this.scenarioName()).toBe(name);
  }

  /** The header's sync word: connected, syncing, offline, signedOut, conflict or refused. */
  status() {
    return this.page.getByTestId('team-status');
  }

  scenarioName(): Promise<string | undefined> {
    return this.page.evaluate(() => window.__e2e!.state().session?.scenario.name);
  }

  /** The open scenario's added sites: id and position. */
  sites(): Promise<{ id: string; coordinates: number[] }[]> {
    return this.page.evaluate(() =>
      (window.__e2e!.state().session?.scenario.addedSites ?? []).map((site) => ({
        id: site.properties.id,
        coordinates: [...site.geometry.coordinates],
      })),
    );
  }

  async siteIds(): Promise<string[]> {
    return (await this.sites()).map((site) => site.id);
  }
}
