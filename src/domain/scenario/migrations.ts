/**
 * Step-by-step migrations of stored scenario records to the current schema. Each step takes a
 * record of version N and returns version N+1; records are migrated in memory on load and
 * written in the new shape on the next save.
 *
 * Version 1 (the first IndexedDB layout) stored flat sites and epoch-millisecond timestamps:
 *   { schemaVersion: 1, id, name, createdAt: number, updatedAt: number, baselineId: string,
 *     candidates: [{ id, lng, lat, ...site properties }],
 *     modified?: { [siteId]: { lng, lat, ...site properties } },
 *     removed?: string[] }
 * Version 2 stores GeoJSON features, ISO timestamps and a BaselineRef (see Scenario).
 * Version 3 adds imported existing sites and imported poles (`existingSites`, `poles`);
 * a v2 scenario had none, so both start empty.
 * Version 4 models antenna tilt: sites carry `mechanicalTiltDeg`, `electricalTiltDeg` and
 * `verticalBeamwidthDeg`. A v3 site's `tiltDeg` was the total tilt as recorded by an import (not
 * modelled): it becomes `electricalTiltDeg` with `mechanicalTiltDeg: 0`, so the total the pattern uses is
 * exactly what the sheet recorded, no split is invented, and a later change of the default mechanical
 * tilt cannot shift it (docs/radio.md says why electrical).
 * Version 5 (current) adds the calibration: `measurements` (drive-test/MR sets as typed columns) and the
 * applied `calibration` (docs/calibration.md); a v4 scenario had neither, so they start empty and null.
 */
import { CURRENT_SCENARIO_SCHEMA_VERSION } from './scenario-types';

type StoredRecord = Record<string, unknown>;

interface Migration {
  from: number;
  migrate(record: StoredRecord): StoredRecord;
}

const isRecord = (value: unknown): value is StoredRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class MigrationError extends Error {}

function flatSiteToFeature(flat: unknown, where: string, defaultStatus?: string): StoredRecord {
  if (!isRecord(flat)) throw new MigrationError(`${where} is not an object`);
  const { lng, lat, ...properties } = flat;
  if (typeof lng !== 'number' || typeof lat !== 'number') {
    throw new MigrationError(`${where} has no numeric lng/lat`);
  }
  if (defaultStatus !== undefined && properties.status === undefined) properties.status = defaultStatus;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties };
}

function epochToIso(value: unknown, where: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new MigrationError(`${where} is not epoch ms`);
  return new Date(value).toISOString();
}

const compareIds = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

const v1ToV2: Migration = {
  from: 1,
  migrate(record) {
    const { candidates, modified = {}, removed = [], baselineId, createdAt, updatedAt, ...rest } = record;
    if (!Array.isArray(candidates)) throw new MigrationError('candidates is not an array');
    if (!isRecord(modified)) throw new MigrationError('modified is not an object');
    if (!Array.isArray(removed)) throw new MigrationError('removed is not an array');
    if (typeof baselineId !== 'string') throw new MigrationError('baselineId is not a string');
    const modifiedSites = Object.entries(modified)
      .map(([id, flat]) => {
        const feature = flatSiteToFeature(flat, `modified.${id}`);
        (feature.properties as StoredRecord).id ??= id;
        return feature;
      })
      .sort((left, right) =>
        compareIds(
          String((left.properties as StoredRecord).id),
          String((right.properties as StoredRecord).id),
        ),
      );
    return {
      ...rest,
      schemaVersion: 2,
      createdAt: epochToIso(createdAt, 'createdAt'),
      updatedAt: epochToIso(updatedAt, 'updatedAt'),
      baselineRef: { id: baselineId },
      addedSites: candidates.map((flat, index) =>
        flatSiteToFeature(flat, `candidates[${index}]`, 'candidate'),
      ),
      modifiedSites,
      removedSiteIds: [...new Set(removed)].sort(),
    };
  },
};

const v2ToV3: Migration = {
  from: 2,
  migrate(record) {
    if ('existingSites' in record || 'poles' in record) {
      throw new MigrationError('a v2 record already has v3 fields (existingSites, poles)');
    }
    return { ...record, schemaVersion: 3, existingSites: [], poles: [] };
  },
};

/** A v3 site's recorded total tilt as v4's electrical tilt (mechanical 0); other values kept as they are. */
function migrateTilt(site: unknown): unknown {
  if (!isRecord(site) || !isRecord(site.properties)) return site;
  const { tiltDeg, ...properties } = site.properties;
  if (typeof tiltDeg !== 'number' || !Number.isFinite(tiltDeg)) return site;
  if (properties.electricalTiltDeg !== undefined || properties.mechanicalTiltDeg !== undefined) {
    throw new MigrationError(`site ${String(properties.id)} has both tiltDeg and a v4 tilt`);
  }
  return { ...site, properties: { ...properties, mechanicalTiltDeg: 0, electricalTiltDeg: tiltDeg } };
}

const v3ToV4: Migration = {
  from: 3,
  migrate(record) {
    const migrated: StoredRecord = { ...record, schemaVersion: 4 };
    for (const list of ['addedSites', 'modifiedSites', 'existingSites']) {
      const sites = record[list];
      if (Array.isArray(sites)) migrated[list] = sites.map(migrateTilt);
    }
    return migrated;
  },
};

const v4ToV5: Migration = {
  from: 4,
  migrate(record) {
    // Fields a v4 record cannot have are kept for validation to judge, not silently replaced.
    return { measurements: [], calibration: null, ...record, schemaVersion: 5 };
  },
};

const MIGRATIONS: readonly Migration[] = [v1ToV2, v2ToV3, v3ToV4, v4ToV5];

/** The oldest schema version this build can still read. */
export const OLDEST_READABLE_SCHEMA_VERSION = 1;

export type MigrationResult =
  | { ok: true; record: StoredRecord; fromVersion: number }
  | {
      ok: false;
      code:
        | 'notAnObject'
        | 'missingSchemaVersion'
        | 'newerSchemaVersion'
        | 'unknownSchemaVersion'
        | 'migrationFailed';
      message: string;
    };

/**
 * Brings a stored record to the current schema version, one step at a time. Newer versions are
 * refused (an older build must not rewrite data it does not understand). Does not validate the
 * result: pass it to validateScenario.
 */
export function migrateScenarioRecord(raw: unknown): MigrationResult {
  if (!isRecord(raw)) return { ok: false, code: 'notAnObject', message: 'record is not an object' };
  const version = raw.schemaVersion;
  if (version === undefined) {
    return { ok: false, code: 'missingSchemaVersion', message: 'record has no schemaVersion' };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_READABLE_SCHEMA_VERSION) {
    return { ok: false, code: 'unknownSchemaVersion', message: `unknown schemaVersion ${String(version)}` };
  }
  if (version > CURRENT_SCENARIO_SCHEMA_VERSION) {
    return {
      ok: false,
      code: 'newerSchemaVersion',
      message: `schemaVersion ${version} is newer than this app (${CURRENT_SCENARIO_SCHEMA_VERSION})`,
    };
  }
  let record = structuredClone(raw);
  for (let current = version; current < CURRENT_SCENARIO_SCHEMA_VERSION; current += 1) {
    const step = MIGRATIONS.find((migration) => migration.from === current);
    if (!step) return { ok: false, code: 'unknownSchemaVersion', message: `no migration from v${current}` };
    try {
      record = step.migrate(record);
    } catch (error) {
      const message = error instanceof MigrationError ? error.message : String(error);
      return { ok: false, code: 'migrationFailed', message: `v${current} → v${current + 1}: ${message}` };
    }
  }
  return { ok: true, record, fromVersion: version };
}
