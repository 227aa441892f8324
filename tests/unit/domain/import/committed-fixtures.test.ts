import { describe, expect, it } from 'vitest';
import { buildImportFixtures } from '../../../../scripts/make-import-fixtures';
import { loadSqlite } from '../../../../src/domain/geopackage/sqlite-loader';
import { fixtureBytes } from '../../support/import/load';

// A hand edit to a fixture, or a generator change without re-running the script, fails here.
const sqlite = await loadSqlite();
describe('committed import fixtures equal a fresh generation', () => {
  const { files } = buildImportFixtures(sqlite);
  for (const [name, bytes] of files) {
    it(name, () => {
      expect(Buffer.from(fixtureBytes(name)).equals(Buffer.from(bytes))).toBe(true);
    });
  }
});
