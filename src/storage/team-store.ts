/**
 * What the app keeps about a team server, in its own IndexedDB database next to the scenarios': the
 * configured server URL, and per shared scenario its link (the server revision the local copy grew from,
 * and that revision's scenario, the base of the next merge). The local copy itself is an ordinary
 * scenario in the scenario database, saved by autosave: offline it is the cache, and whatever differs
 * from its link's base is what waits to be sent.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Scenario } from '../domain/scenario/scenario-types';

export const TEAM_DATABASE_NAME = 'shanghai-infra-planner-team';
const TEAM_DATABASE_VERSION = 1;
const SERVER_URL_KEY = 'serverUrl';

export interface StoredLink {
  serverUrl: string;
  scenarioId: string;
  revision: number;
  base: Scenario;
}

interface TeamDatabaseSchema extends DBSchema {
  settings: { key: string; value: unknown };
  links: { key: string; value: StoredLink };
}

export interface TeamStore {
  serverUrl(): Promise<string | null>;
  setServerUrl(url: string | null): Promise<void>;
  link(scenarioId: string): Promise<StoredLink | undefined>;
  saveLink(link: StoredLink): Promise<void>;
  links(): Promise<StoredLink[]>;
}

const isLink = (value: unknown): value is StoredLink => {
  const link = value as Partial<StoredLink> | null;
  return (
    typeof link === 'object' &&
    link !== null &&
    typeof link.serverUrl === 'string' &&
    typeof link.scenarioId === 'string' &&
    Number.isInteger(link.revision) &&
    typeof link.base === 'object' &&
    link.base !== null
  );
};

function overDatabase(database: IDBPDatabase<TeamDatabaseSchema>): TeamStore {
  return {
    async serverUrl() {
      const value = await database.get('settings', SERVER_URL_KEY);
      return typeof value === 'string' ? value : null;
    },
    async setServerUrl(url) {
      if (url === null) await database.delete('settings', SERVER_URL_KEY);
      else await database.put('settings', url, SERVER_URL_KEY);
    },
    async link(scenarioId) {
      const value = await database.get('links', scenarioId);
      // A damaged link is dropped: the shared scenario can be opened from the server again.
      return isLink(value) ? value : undefined;
    },
    async saveLink(link) {
      await database.put('links', link, link.scenarioId);
    },
    async links() {
      return (await database.getAll('links')).filter(isLink);
    },
  };
}

/** Without IndexedDB (a private window): the same store, kept for this page's life only. */
export function memoryTeamStore(): TeamStore {
  let url: string | null = null;
  const links = new Map<string, StoredLink>();
  return {
    serverUrl: async () => url,
    setServerUrl: async (next) => {
      url = next;
    },
    link: async (scenarioId) => links.get(scenarioId),
    saveLink: async (link) => {
      links.set(link.scenarioId, link);
    },
    links: async () => [...links.values()],
  };
}

export async function openTeamStore(name = TEAM_DATABASE_NAME): Promise<TeamStore> {
  try {
    const database = await openDB<TeamDatabaseSchema>(name, TEAM_DATABASE_VERSION, {
      upgrade(upgrading) {
        upgrading.createObjectStore('settings');
        upgrading.createObjectStore('links');
      },
    });
    return overDatabase(database);
  } catch (error) {
    console.warn('team settings kept in memory only:', error instanceof Error ? error.message : error);
    return memoryTeamStore();
  }
}
