/**
 * Tells the app's other tabs (same browser, same origin) when this one saved or deleted a scenario, over
 * a BroadcastChannel, so they merge the new version at once rather than at their next save. Each message
 * carries the revision written; a tab that already has it ignores it. Without BroadcastChannel (old
 * browsers) nothing is lost: the revision check on save still catches the other tab's version.
 */

export type ScenarioChannelPost =
  | { type: 'saved'; scenarioId: string; revision: number }
  | { type: 'deleted'; scenarioId: string };

export type ScenarioChannelMessage = ScenarioChannelPost & { tabId: string };

export interface ScenarioChannel {
  readonly tabId: string;
  post(message: ScenarioChannelPost): void;
  /** Hears other tabs' messages; returns a disposer. */
  listen(listener: (message: ScenarioChannelMessage) => void): () => void;
  close(): void;
}

const CHANNEL_NAME = 'shanghai-infra-planner/scenarios';

const isMessage = (value: unknown): value is ScenarioChannelMessage =>
  typeof value === 'object' &&
  value !== null &&
  ((value as { type?: unknown }).type === 'saved' || (value as { type?: unknown }).type === 'deleted') &&
  typeof (value as { scenarioId?: unknown }).scenarioId === 'string';

/** A channel for one database (tests give each database its own). */
export function openScenarioChannel(databaseName: string): ScenarioChannel {
  const tabId =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${CHANNEL_NAME}/${databaseName}`);
  const listeners = new Set<(message: ScenarioChannelMessage) => void>();
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      if (!isMessage(event.data) || event.data.tabId === tabId) return;
      for (const listener of listeners) listener(event.data);
    };
  }
  return {
    tabId,
    post: (message) => channel?.postMessage({ ...message, tabId }),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel?.close(),
  };
}
