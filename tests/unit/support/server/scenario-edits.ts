/** Small scenario edits for the server tests, as a planner would make them in the app. */
import type { Scenario } from '../../../../src/domain/scenario/scenario-types';
import type { SiteFeature } from '../../../../src/domain/types';
import type { TestServer } from './server-harness';

export function candidate(
  id: string,
  coordinates: [number, number],
  extra: Record<string, unknown> = {},
): SiteFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { id, status: 'candidate', kind: 'macro', heightM: 30, ...extra },
  };
}

export function withAdded(scenario: Scenario, site: SiteFeature): Scenario {
  return { ...scenario, addedSites: [...scenario.addedSites, site] };
}

export function withMoved(scenario: Scenario, id: string, coordinates: [number, number]): Scenario {
  return {
    ...scenario,
    addedSites: scenario.addedSites.map((site) =>
      site.properties.id === id ? { ...site, geometry: { type: 'Point', coordinates } } : site,
    ),
  };
}

export function withEdited(scenario: Scenario, id: string, properties: Record<string, unknown>): Scenario {
  return {
    ...scenario,
    addedSites: scenario.addedSites.map((site) =>
      site.properties.id === id ? { ...site, properties: { ...site.properties, ...properties } } : site,
    ),
  };
}

/** Deletes a site the scenario itself added (a candidate), as the app's delete does. */
export function withoutAdded(scenario: Scenario, id: string): Scenario {
  return { ...scenario, addedSites: scenario.addedSites.filter((site) => site.properties.id !== id) };
}

export function withRemoval(scenario: Scenario, id: string): Scenario {
  return { ...scenario, removedSiteIds: [...scenario.removedSiteIds, id].sort() };
}

/** Reads the current scenario and its revision. */
export async function readScenario(server: TestServer, token: string, id: string) {
  const response = await server.request({ method: 'GET', url: `/api/scenarios/${id}`, token });
  if (response.statusCode !== 200) throw new Error(`GET ${id}: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return { scenario: body.scenario as Scenario, revision: body.revision as number };
}

/** PUTs the whole scenario based on `revision`. */
export function putScenario(
  server: TestServer,
  token: string | undefined,
  scenario: Scenario,
  revision: number,
) {
  return server.request({
    method: 'PUT',
    url: `/api/scenarios/${scenario.id}`,
    token,
    headers: { 'if-match': `"${revision}"` },
    payload: scenario,
  });
}

/** Reads with `readerToken`, edits, and writes as `writerToken` on the revision read. */
export async function editAs(
  server: TestServer,
  readerToken: string,
  writerToken: string | undefined,
  id: string,
  edit: (scenario: Scenario) => Scenario,
) {
  const { scenario, revision } = await readScenario(server, readerToken, id);
  return putScenario(server, writerToken, edit(scenario), revision);
}
