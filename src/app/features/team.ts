/**
 * The team feature: sharing scenarios through a team server. Without a configured server it does
 * nothing at all (no request leaves the page). With one, it checks the session, keeps the sync
 * following the open scenario (started when a shared scenario opens, stopped when another opens),
 * retries at once when the browser comes back online, and installs the panel's services.
 */
import { type Disposer, Disposers } from '../../domain/disposers';
import { TeamClient } from '../../services/team-client';
import type { TeamSync } from '../../services/team-sync';
import { syncOpenScenario } from '../../services/team-sync-store';
import { openTeamStore, type TeamStore } from '../../storage/team-store';
import type { AppContext } from '../app-context';
import { trackedSubscribe } from '../subscriptions';
import { createTeamServices, type TeamConnectionControl } from '../team-services';

export function wireTeam(context: AppContext): Disposer {
  const { store } = context;
  const disposers = new Disposers();
  const subscribe = trackedSubscribe(store, disposers);
  const get = () => store.getState();
  let client: TeamClient | null = null;
  let sync: TeamSync | null = null;
  let teamStore: TeamStore | null = null;

  const stopSync = () => {
    sync?.stop();
    sync = null;
    get().setTeam({ sync: null });
  };
  disposers.add(stopSync);

  const control: TeamConnectionControl = {
    client: () => client,
    connectTo(serverUrl) {
      stopSync();
      client = serverUrl ? new TeamClient(serverUrl) : null;
      return client;
    },
    async followOpenScenario() {
      const open = get().session?.scenario.id;
      if (sync && sync.scenarioId === open && get().team.connection === 'signedIn') return;
      stopSync();
      if (!open || !client || !teamStore || get().team.connection !== 'signedIn') return;
      const link = await teamStore.link(open);
      if (!link || link.serverUrl !== client.serverUrl || get().session?.scenario.id !== open || sync) return;
      const links = teamStore;
      sync = syncOpenScenario(store, client, link, {
        saveLink: (next) => links.saveLink(next),
        report: (report) => get().setTeam({ sync: { ...report, scenarioId: link.scenarioId } }),
      });
    },
    syncNow: () => sync?.syncNow() ?? Promise.resolve(),
    resolveConflict: (choices) =>
      sync?.resolveConflict(new Map(Object.entries(choices))) ?? Promise.resolve(),
    revertRefused: () => sync?.revertRefused() ?? Promise.resolve(),
    currentRevision: () => (sync ? get().team.sync?.revision : undefined),
  };

  void openTeamStore().then(async (opened) => {
    if (disposers.isDisposed) return;
    teamStore = opened;
    const services = createTeamServices(context, opened, control);
    get().setTeamServices(services);
    const serverUrl = await opened.serverUrl();
    // Offline first: only a server the planner configured is ever contacted.
    if (serverUrl) await services.connect(serverUrl);
  });

  void context.data.ensure('districts').then(
    (districts) =>
      get().setTeam({
        districtNames: new Map(
          districts.features.map((feature) => {
            const properties = feature.properties as {
              adcode: string | number;
              name: string;
              name_en: string;
            };
            return [String(properties.adcode), { name: properties.name, nameEn: properties.name_en }];
          }),
        ),
      }),
    () => undefined,
  );

  subscribe(
    (state) => state.session?.scenario.id,
    () => void control.followOpenScenario(),
  );
  const online = () => {
    const team = get().team;
    if (team.connection === 'unreachable' && team.serverUrl) void get().teamServices?.connect(team.serverUrl);
    else void control.syncNow();
  };
  window.addEventListener('online', online);
  disposers.add(() => window.removeEventListener('online', online));
  disposers.add(() => get().setTeamServices(null));
  return disposers.disposer;
}
