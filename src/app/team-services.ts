/**
 * The team panel's actions: connect to a server, sign in and out, open and share scenarios, history
 * and restore, district submissions and merges. Every failure becomes a translated notice in the
 * panel; nothing here runs until a planner has configured a server.
 */
import { SCENARIO_FILE_FORMAT } from '../domain/export/scenario-file';
import type { MessageKey } from '../domain/i18n/translate';
import type { Scenario } from '../domain/scenario/scenario-types';
import { normaliseServerUrl, type TeamClient, TeamError, TeamOfflineError } from '../services/team-client';
import type { TeamServices, TeamState } from '../state/team-slice';
import type { TeamStore } from '../storage/team-store';
import type { AppContext } from './app-context';
import { upsertScenario } from './scenario-storage';

export interface TeamConnectionControl {
  client(): TeamClient | null;
  /** Makes the client for a server URL (null: none configured). */
  connectTo(serverUrl: string | null): TeamClient | null;
  /** Starts or stops the sync so it follows the open scenario. */
  followOpenScenario(): Promise<void>;
  syncNow(): Promise<void>;
  resolveConflict: TeamServices['resolveConflict'];
  revertRefused(): Promise<void>;
  currentRevision(): number | undefined;
}

/** The notice for a failed request. */
export function noticeFor(error: unknown): TeamState['notice'] {
  if (error instanceof TeamOfflineError) return { key: 'team.error.unreachable', tone: 'error' };
  if (error instanceof TeamError) {
    const known: Record<number, MessageKey> = {
      401: 'team.error.signedOut',
      403: 'team.error.forbidden',
      404: 'team.error.notFound',
      409: 'team.error.stale',
      413: 'team.error.tooLarge',
      422: 'team.error.invalid',
    };
    if (error.status === 429) {
      return {
        key: 'team.error.throttled',
        values: { seconds: error.body.retryAfterSeconds ?? 60 },
        tone: 'error',
      };
    }
    if (error.body.error === 'badCredentials') return { key: 'team.error.badCredentials', tone: 'error' };
    const key = known[error.status];
    if (key) return { key, values: { detail: error.body.message }, tone: 'error' };
    return {
      key: 'team.error.server',
      values: { detail: `${error.status} ${error.body.message}` },
      tone: 'error',
    };
  }
  return {
    key: 'team.error.server',
    values: { detail: error instanceof Error ? error.message : String(error) },
    tone: 'error',
  };
}

export function createTeamServices(
  context: AppContext,
  teamStore: TeamStore,
  control: TeamConnectionControl,
): TeamServices {
  const { store, scenarioStorage } = context;
  const get = () => store.getState();
  const setTeam = (patch: Partial<TeamState>) => get().setTeam(patch);
  const info = (key: MessageKey, values?: Record<string, string | number>) =>
    setTeam({ notice: values ? { key, values, tone: 'info' } : { key, tone: 'info' } });

  /** Runs an action with the panel busy; its failure becomes the notice. */
  const act = async (work: (client: TeamClient) => Promise<void>) => {
    const client = control.client();
    if (!client) return;
    setTeam({ busy: true, notice: null });
    try {
      await work(client);
    } catch (error) {
      setTeam({ notice: noticeFor(error) });
      if (error instanceof TeamError && error.status === 401)
        setTeam({ connection: 'signedOut', user: null });
    } finally {
      setTeam({ busy: false });
    }
  };

  const openLocal = async (scenario: Scenario) => {
    await scenarioStorage.autosave()?.flush();
    get().openScenario(scenario);
    get().setSelectedSiteIds([]);
    get().setSavedScenarios(upsertScenario(get().savedScenarios, scenario));
    const repository = scenarioStorage.repository();
    await repository?.saveScenario(scenario);
    await repository?.setLastOpenScenarioId(scenario.id);
  };

  const refreshList = async (client: TeamClient) =>
    setTeam({ sharedScenarios: await client.listScenarios() });
  const openId = () => get().session?.scenario.id;

  const services: TeamServices = {
    async connect(text) {
      const serverUrl = normaliseServerUrl(text);
      if (!serverUrl) return setTeam({ notice: { key: 'team.error.badUrl', tone: 'error' } });
      await teamStore.setServerUrl(serverUrl);
      const client = control.connectTo(serverUrl);
      if (!client) return;
      setTeam({ serverUrl, connection: 'checking', notice: null, user: null });
      try {
        const user = await client.me();
        setTeam({ connection: user ? 'signedIn' : 'signedOut', user: user ?? null });
        if (user) {
          await refreshList(client);
          await control.followOpenScenario();
        }
      } catch (error) {
        setTeam({ connection: 'unreachable', notice: noticeFor(error) });
      }
    },
    async disconnect() {
      control.connectTo(null);
      await teamStore.setServerUrl(null);
      setTeam({
        serverUrl: null,
        connection: 'off',
        user: null,
        sharedScenarios: [],
        sync: null,
        history: null,
        submissions: null,
        nearPairs: null,
        notice: null,
      });
      await control.followOpenScenario();
    },
    signIn: (name, password) =>
      act(async (client) => {
        const user = await client.login(name, password);
        setTeam({ connection: 'signedIn', user: await client.me().then((me) => me ?? user) });
        await refreshList(client);
        await control.followOpenScenario();
      }),
    signOut: () =>
      act(async (client) => {
        await client.logout();
        setTeam({
          connection: 'signedOut',
          user: null,
          sharedScenarios: [],
          history: null,
          submissions: null,
          nearPairs: null,
        });
        await control.followOpenScenario();
      }),
    refresh: () => act(refreshList),
    openShared: (id) =>
      act(async (client) => {
        const link = await teamStore.link(id);
        const local = get().savedScenarios.find((scenario) => scenario.id === id);
        if (link && local && link.serverUrl === client.serverUrl) {
          // The local copy holds whatever was edited offline: open it, and the sync brings it up to date.
          await openLocal(local);
        } else {
          const shared = await client.getScenario(id);
          if (shared === 'unchanged') return;
          await teamStore.saveLink({
            serverUrl: client.serverUrl,
            scenarioId: id,
            revision: shared.revision,
            base: shared.scenario,
          });
          await openLocal(shared.scenario);
        }
        setTeam({ history: null });
        await control.followOpenScenario();
      }),
    shareCurrent: () =>
      act(async (client) => {
        const scenario = get().session?.scenario;
        if (!scenario) return;
        const created = await client.createScenario({
          format: SCENARIO_FILE_FORMAT,
          schemaVersion: scenario.schemaVersion,
          scenario,
        });
        await refreshList(client);
        await services.openShared(created.id);
        info('team.shared', { name: scenario.name });
      }),
    syncNow: () => control.syncNow(),
    resolveConflict: (choices) => control.resolveConflict(choices),
    revertRefused: () => control.revertRefused(),
    loadHistory: () =>
      act(async (client) => {
        const id = openId();
        if (id && control.currentRevision() !== undefined)
          setTeam({ history: [...(await client.history(id))].reverse() });
      }),
    restoreRevision: (revision) =>
      act(async (client) => {
        const id = openId();
        const base = control.currentRevision();
        if (!id || base === undefined) return;
        await control.syncNow();
        const answer = await client.restore(id, control.currentRevision() ?? base, revision);
        if (answer.kind === 'stale') return setTeam({ notice: { key: 'team.error.stale', tone: 'error' } });
        await control.syncNow();
        setTeam({ history: [...(await client.history(id))].reverse() });
        info('team.restored', { revision });
      }),
    submitPlan: (note) =>
      act(async (client) => {
        const id = openId();
        if (!id || control.currentRevision() === undefined) return;
        await control.syncNow();
        const submitted = await client.submit(id, control.currentRevision()!, note);
        info('team.submitted', { revision: submitted.revision });
      }),
    loadSubmissions: () =>
      act(async (client) => {
        setTeam({ submissions: await client.submissions() });
      }),
    findNearPairs: (distanceM) =>
      act(async (client) => {
        const id = control.currentRevision() === undefined ? undefined : openId();
        setTeam({ nearPairs: await client.nearPairs(distanceM, id) });
      }),
    mergeSubmissions: (submissionIds, leaveOut) =>
      act(async (client) => {
        const id = openId();
        if (!id || control.currentRevision() === undefined) return;
        await control.syncNow();
        const merged = await client.merge(id, control.currentRevision()!, submissionIds, leaveOut);
        await control.syncNow();
        setTeam({ mergeReport: merged.report, submissions: await client.submissions() });
        info('team.merged', { count: merged.report.reduce((sum, entry) => sum + entry.merged, 0) });
      }),
    showSite(coordinates) {
      const zoom = Math.max(context.map.getView().zoom, 15);
      context.map.jumpTo({ longitude: coordinates[0], latitude: coordinates[1], zoom });
    },
  };
  return services;
}
