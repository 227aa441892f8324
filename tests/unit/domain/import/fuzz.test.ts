import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../../src/domain/import/build-import';
import type { ImportFormat } from '../../../../src/domain/import/import-types';
import { readImportSource } from '../../../../src/domain/import/read-source';
import { fixtureBytes, geography, parseXml } from '../../support/import/load';

const FIXTURE_OF: Record<ImportFormat, string> = {
  csv: 'sites-gbk-gcj02.csv',
  xlsx: 'sites-title-row.xlsx',
  geojson: 'sites.geojson',
  kml: 'sites.kml',
  kmz: 'sites.kmz',
  shapefile: 'poles-shapefile.zip',
  geopackage: 'sites.gpkg',
};

/**
 * Reads bytes as `format` and, when readable, builds both layers: it must never throw, and a failure
 * must be a known code, not the catch-all 'unreadable' that would hide a reader bug.
 */
async function mustReport(format: ImportFormat, bytes: Uint8Array): Promise<void> {
  const outcome = await readImportSource({ name: `fuzz.${format}`, bytes }, { parseXml, format });
  if (!outcome.ok) {
    expect(outcome.failure.code, JSON.stringify(outcome.failure)).not.toBe('unreadable');
    return;
  }
  for (const layer of ['sites', 'poles'] as const) {
    const result = await buildImport(outcome.source, { layer, crs: 'gcj02' }, geography);
    expect(result.features.length + result.rejected.length).toBe(result.total);
  }
}

const runs = { numRuns: 60 };

describe('every parser survives hostile input with a report', () => {
  for (const [format, fixture] of Object.entries(FIXTURE_OF) as [ImportFormat, string][]) {
    const valid = fixtureBytes(fixture);

    it(`${format}: random bytes`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), (bytes) => mustReport(format, bytes)),
        runs,
      );
    });

    it(`${format}: truncated files`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: valid.length }), (length) =>
          mustReport(format, valid.slice(0, length)),
        ),
        runs,
      );
    });

    it(`${format}: mutated files`, async () => {
      const mutation = fc.array(
        fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })),
        {
          minLength: 1,
          maxLength: 8,
        },
      );
      await fc.assert(
        fc.asyncProperty(mutation, async (changes) => {
          const bytes = valid.slice();
          for (const [index, value] of changes) bytes[index] = value;
          await mustReport(format, bytes);
        }),
        runs,
      );
    });
  }

  it('csv: random text rows with Chinese, quotes and delimiters', async () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('经度', '纬度', '"', ';', '\t', '\n', '121.4', '31.2', '3.5G', '宏站', ''),
    );
    const table = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom(',', ';', '\t'), async (rows, delimiter) => {
        const text = rows.map((row) => row.join(delimiter)).join('\n');
        await mustReport('csv', new TextEncoder().encode(text));
      }),
      { numRuns: 150 },
    );
  });
});
