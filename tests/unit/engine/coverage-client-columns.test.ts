import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeSiteColumns, encodeSiteColumns, siteColumnsOf } from '../../../src/domain/sample/site-columns';
import { createCoverageApi } from '../../../src/engine/coverage-api';
import { CoverageClient } from '../../../src/engine/coverage-client';
import { city, islandZone, site } from '../support/coverage/synthetic-city';

const init = { ...city, zones: islandZone, settings: { cellM: 100, minGapAreaKm2: 0 } };
/** A few hundred sectors with every carried property: what a sample list holds. */
const sites = Array.from({ length: 300 }, (_, index) =>
  site(`s${index}`, 121.405 + (index % 20) * 0.0055, 31.205 + Math.floor(index / 20) * 0.0035, {
    kind: index % 7 === 0 ? 'micro' : 'macro',
    band: index % 3 === 0 ? 'n28' : 'n78',
    azimuthDeg: (index * 120) % 360,
    beamwidthDeg: 65,
    mechanicalTiltDeg: index % 4,
    powerDbm: 46 + (index % 3),
    heightM: 25 + (index % 5),
    status: 'existing',
    synthetic: true,
  }),
);

describe('CoverageClient sends a list decoded from columns as its columns', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const channel of channels.splice(0)) channel.port1.close();
  });
  /** A client on a real channel, recording the first argument of every compute it posts. */
  const connect = (sent: unknown[]): CoverageClient => {
    const channel = new MessageChannel();
    channels.push(channel);
    Comlink.expose(createCoverageApi(), channel.port1 as unknown as Comlink.Endpoint);
    const port = channel.port2 as unknown as Comlink.Endpoint;
    const recording: Comlink.Endpoint = {
      postMessage: (message: { path?: string[]; argumentList?: { value: unknown }[] }, transfer) => {
        if (message.path?.[0] === 'compute') sent.push(message.argumentList?.[0]?.value);
        port.postMessage(message, transfer);
      },
      addEventListener: port.addEventListener.bind(port),
      removeEventListener: port.removeEventListener.bind(port),
    };
    return new CoverageClient(recording);
  };

  it('remembers the columns of a decoded list only', () => {
    const columns = encodeSiteColumns(sites);
    const decoded = decodeSiteColumns(columns);
    expect(siteColumnsOf(decoded)).toBe(columns);
    expect(siteColumnsOf(sites)).toBeUndefined();
    expect(siteColumnsOf([...decoded])).toBeUndefined();
  });

  // Radius mode (the first figure's) reads kind, band and radius; path loss every radio property.
  it.each(['radius', 'pathloss'] as const)(
    'computes the same figures, gaps and image from the columns as from the features (%s)',
    async (mode) => {
      const viaColumnsSent: unknown[] = [];
      const viaFeaturesSent: unknown[] = [];
      const viaColumns = connect(viaColumnsSent);
      const viaFeatures = connect(viaFeaturesSent);
      const modeInit = { ...init, settings: { ...init.settings, mode } };
      await viaColumns.init(modeInit);
      await viaFeatures.init(modeInit);
      const decoded = decodeSiteColumns(encodeSiteColumns(sites));
      const fromColumns = await viaColumns.compute(decoded);
      const fromFeatures = await viaFeatures.compute(sites);
      // The list went as columns (typed arrays), the plain one as features.
      expect((viaColumnsSent[0] as { count?: number }).count).toBe(sites.length);
      expect(Array.isArray(viaFeaturesSent[0])).toBe(true);
      expect(fromColumns!.stats.sites.total).toBe(sites.length);
      expect(fromColumns!.stats.coveredFraction).toBeGreaterThan(0.05);
      expect(fromColumns!.stats).toEqual(fromFeatures!.stats);
      expect(fromColumns!.gaps).toEqual(fromFeatures!.gaps);
      expect(Buffer.from(fromColumns!.raster!.rgba).equals(Buffer.from(fromFeatures!.raster!.rgba))).toBe(
        true,
      );
      expect((await viaColumns.gridReport()).digest).toBe((await viaFeatures.gridReport()).digest);
      // Edits then find the sites by id as usual.
      const moved = await viaColumns.moveSite('s5', 121.45, 31.23);
      const movedToo = await viaFeatures.moveSite('s5', 121.45, 31.23);
      expect(moved!.stats).toEqual(movedToo!.stats);
    },
  );
});
