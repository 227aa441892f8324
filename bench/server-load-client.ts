/**
 * One simulated planner for the server load benchmark: signed in with its own session, it holds a
 * copy of the shared scenario and once a second moves "its" baseline site (a modification, as the app
 * makes one), PUTs the whole scenario on its revision, and on 409 catches up with the changes since
 * that revision and tries again — what the app's sync does.
 */
import type { Scenario } from '../src/domain/scenario/scenario-types';
import { applyDelta } from '../src/domain/sync/apply-delta';
import type { ScenarioDelta } from '../src/domain/sync/scenario-delta';
import type { SiteFeature } from '../src/domain/types';

export interface ClientResult {
  requestMs: number[];
  editMs: number[];
  conflicts: number;
  failures: number;
  /** The position of the client's site in its last write the server accepted. */
  lastLanded: [number, number] | undefined;
  landedWrites: number;
}

export class LoadClient {
  private scenario!: Scenario;
  private revision = 0;
  private busy = false;
  readonly result: ClientResult = {
    requestMs: [],
    editMs: [],
    conflicts: 0,
    failures: 0,
    lastLanded: undefined,
    landedWrites: 0,
  };

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly scenarioId: string,
    private readonly site: SiteFeature,
    /** The next position to move the site to (stays inside the client's district). */
    private readonly nextPosition: () => [number, number],
  ) {}

  private headers(extra: Record<string, string> = {}) {
    return { authorization: `Bearer ${this.token}`, ...extra };
  }

  async open(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/scenarios/${this.scenarioId}`, {
      headers: this.headers(),
    });
    if (!response.ok) throw new Error(`GET answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { revision: number; scenario: Scenario };
    this.scenario = body.scenario;
    this.revision = body.revision;
  }

  private async catchUp(): Promise<void> {
    const response = await fetch(
      `${this.baseUrl}/api/scenarios/${this.scenarioId}/changes?since=${this.revision}`,
      { headers: this.headers() },
    );
    if (response.status === 410) return this.open();
    const body = (await response.json()) as { revision: number; revisions: { delta: ScenarioDelta }[] };
    for (const entry of body.revisions) this.scenario = applyDelta(this.scenario, entry.delta);
    this.revision = body.revision;
  }

  private withMove(position: [number, number]): Scenario {
    const moved: SiteFeature = { ...this.site, geometry: { type: 'Point', coordinates: position } };
    const others = this.scenario.modifiedSites.filter(
      (site) => site.properties.id !== this.site.properties.id,
    );
    const modifiedSites = [...others, moved].sort((left, right) =>
      left.properties.id < right.properties.id ? -1 : 1,
    );
    return { ...this.scenario, modifiedSites };
  }

  /** One edit: skipped (returns false) while the previous one is still retrying. */
  async edit(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    const position = this.nextPosition();
    const started = performance.now();
    try {
      for (let attempt = 0; attempt < 200; attempt++) {
        const next = this.withMove(position);
        const sent = performance.now();
        const response = await fetch(`${this.baseUrl}/api/scenarios/${this.scenarioId}`, {
          method: 'PUT',
          headers: this.headers({ 'content-type': 'application/json', 'if-match': `"${this.revision}"` }),
          body: JSON.stringify(next),
        });
        const body = (await response.json()) as { revision?: number; changed?: boolean };
        this.result.requestMs.push(performance.now() - sent);
        if (response.status === 200) {
          this.scenario = next;
          this.revision = body.revision!;
          this.result.lastLanded = position;
          if (body.changed) this.result.landedWrites += 1;
          this.result.editMs.push(performance.now() - started);
          return true;
        }
        if (response.status !== 409)
          throw new Error(`PUT answered ${response.status}: ${JSON.stringify(body)}`);
        this.result.conflicts += 1;
        await this.catchUp();
      }
      throw new Error('no landing after 200 attempts');
    } catch (error) {
      this.result.failures += 1;
      console.error(
        `client ${this.site.properties.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return true;
    } finally {
      this.busy = false;
    }
  }
}
