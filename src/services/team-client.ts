/**
 * The app's client of a team server. Only ever called when a planner has configured a server URL: the
 * app requests nothing from any other host otherwise. In the browser it signs in with the server's
 * HttpOnly session cookie (`credentials: 'include'`, so page scripts never hold the token); scripts and
 * tests in Node, which keep no cookies, use the token the login answers as a bearer token.
 */
import type { Scenario } from '../domain/scenario/scenario-types';
import type {
  MergeReport,
  NearPairsAnswer,
  RevisionDelta,
  RevisionEntry,
  SharedScenario,
  SharedScenarioSummary,
  SubmissionSummary,
  TeamErrorBody,
  TeamUser,
} from '../domain/sync/team-api';

/** The server answered with an error status. */
export class TeamError extends Error {
  constructor(
    readonly status: number,
    readonly body: TeamErrorBody,
  ) {
    super(`${status} ${body.error}: ${body.message}`);
  }
}

/** The server could not be reached (offline, wrong address, server down). */
export class TeamOfflineError extends Error {}

export type WriteAnswer =
  | { kind: 'written'; revision: number; changed: boolean }
  | { kind: 'stale'; revision: number };

export interface TeamClientOptions {
  /** 'cookie' (browsers) or 'bearer' (Node: the token from the login is sent in Authorization). */
  credentials?: 'cookie' | 'bearer';
  fetch?: typeof fetch;
  /** Milliseconds before a request counts as unanswered (the server unreachable). */
  timeoutMs?: number;
}

const quoted = (revision: number) => `"${revision}"`;

/** Normalises what a planner types: no trailing slash, a scheme required. */
export function normaliseServerUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

export class TeamClient {
  private token: string | undefined;
  private readonly fetcher: typeof fetch;

  constructor(
    readonly serverUrl: string,
    private readonly options: TeamClientOptions = {},
  ) {
    this.fetcher = options.fetch ?? ((...args) => fetch(...args));
  }

  private async request<Answer>(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; accept?: number[] } = {},
  ): Promise<{ status: number; body: Answer }> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.credentials === 'bearer' && this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.fetcher(`${this.serverUrl}${path}`, {
        method,
        headers,
        credentials: this.options.credentials === 'bearer' ? 'omit' : 'include',
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new TeamOfflineError(error instanceof Error ? error.message : String(error));
    }
    const text = await response.text().catch(() => '');
    const body = (text ? JSON.parse(text) : undefined) as Answer;
    if (response.ok || init.accept?.includes(response.status)) return { status: response.status, body };
    throw new TeamError(
      response.status,
      (body as TeamErrorBody | undefined) ?? { error: 'http', message: response.statusText },
    );
  }

  async login(name: string, password: string): Promise<TeamUser> {
    const { body } = await this.request<{ token: string; user: TeamUser }>('POST', '/api/login', {
      body: { name, password },
    });
    this.token = body.token;
    return body.user;
  }

  async logout(): Promise<void> {
    await this.request('POST', '/api/logout');
    this.token = undefined;
  }

  /** The signed-in user, or undefined when the session is missing or over. */
  async me(): Promise<TeamUser | undefined> {
    const { status, body } = await this.request<TeamUser>('GET', '/api/me', { accept: [401] });
    return status === 401 ? undefined : body;
  }

  async listScenarios(): Promise<SharedScenarioSummary[]> {
    return (await this.request<SharedScenarioSummary[]>('GET', '/api/scenarios')).body;
  }

  /** Shares a scenario: posted as the app's scenario file; the server gives it a new id. */
  async createScenario(file: unknown): Promise<{ id: string; revision: number }> {
    return (await this.request<{ id: string; revision: number }>('POST', '/api/scenarios', { body: file }))
      .body;
  }

  /** The scenario, or 'unchanged' when it is still at `knownRevision`. */
  async getScenario(id: string, knownRevision?: number): Promise<SharedScenario | 'unchanged'> {
    const headers: Record<string, string> =
      knownRevision === undefined ? {} : { 'if-none-match': quoted(knownRevision) };
    const { status, body } = await this.request<SharedScenario>(
      'GET',
      `/api/scenarios/${encodeURIComponent(id)}`,
      { headers, accept: [304] },
    );
    return status === 304 ? 'unchanged' : body;
  }

  async putScenario(id: string, baseRevision: number, scenario: Scenario): Promise<WriteAnswer> {
    const { status, body } = await this.request<{ revision: number; changed: boolean }>(
      'PUT',
      `/api/scenarios/${encodeURIComponent(id)}`,
      {
        body: scenario,
        headers: { 'if-match': quoted(baseRevision) },
        accept: [409],
      },
    );
    return status === 409
      ? { kind: 'stale', revision: body.revision }
      : { kind: 'written', revision: body.revision, changed: body.changed };
  }

  async changesSince(
    id: string,
    revision: number,
  ): Promise<{ revision: number; revisions: RevisionDelta[] }> {
    return (
      await this.request<{ revision: number; revisions: RevisionDelta[] }>(
        'GET',
        `/api/scenarios/${encodeURIComponent(id)}/changes?since=${revision}`,
      )
    ).body;
  }

  async history(id: string, since = 0): Promise<RevisionEntry[]> {
    return (
      await this.request<RevisionEntry[]>(
        'GET',
        `/api/scenarios/${encodeURIComponent(id)}/history?since=${since}`,
      )
    ).body;
  }

  async restore(id: string, baseRevision: number, revision: number): Promise<WriteAnswer> {
    const { status, body } = await this.request<{ revision: number; changed: boolean }>(
      'POST',
      `/api/scenarios/${encodeURIComponent(id)}/restore`,
      {
        body: { revision },
        headers: { 'if-match': quoted(baseRevision) },
        accept: [409],
      },
    );
    return status === 409
      ? { kind: 'stale', revision: body.revision }
      : { kind: 'written', revision: body.revision, changed: body.changed };
  }

  async submit(id: string, revision: number, note: string): Promise<{ id: number; revision: number }> {
    return (
      await this.request<{ id: number; revision: number }>(
        'POST',
        `/api/scenarios/${encodeURIComponent(id)}/submit`,
        {
          body: { note },
          headers: { 'if-match': quoted(revision) },
        },
      )
    ).body;
  }

  async submissions(): Promise<SubmissionSummary[]> {
    return (await this.request<SubmissionSummary[]>('GET', '/api/submissions')).body;
  }

  async nearPairs(distanceM: number, scenarioId?: string): Promise<NearPairsAnswer> {
    const scenario = scenarioId ? `&scenario=${encodeURIComponent(scenarioId)}` : '';
    return (
      await this.request<NearPairsAnswer>('GET', `/api/submissions/near?distanceM=${distanceM}${scenario}`)
    ).body;
  }

  async merge(id: string, baseRevision: number, submissionIds: number[], leaveOut: string[]) {
    return (
      await this.request<{ revision: number; changed: boolean; report: MergeReport[] }>(
        'POST',
        `/api/scenarios/${encodeURIComponent(id)}/merge`,
        {
          body: { submissionIds, leaveOut },
          headers: { 'if-match': quoted(baseRevision) },
        },
      )
    ).body;
  }
}
