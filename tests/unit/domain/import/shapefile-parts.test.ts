/** A shapefile dropped as loose files reads exactly like the same shapefile zipped; odd sets are refused. */
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImportSource } from '../../../../src/domain/import/read-source';
import { bundleShapefileParts, looksLikeShapefileParts } from '../../../../src/domain/import/shapefile-parts';

async function looseParts() {
  const zipped = new Uint8Array(await readFile('tests/fixtures/import/poles-shapefile.zip'));
  const parts = Object.entries(unzipSync(zipped)).map(([name, bytes]) => ({ name, bytes }));
  return { zipped, parts };
}

describe('loose shapefile parts', () => {
  it('reads .shp + .dbf + .prj + .cpg dropped together like the zipped shapefile', async () => {
    const { zipped, parts } = await looseParts();
    const outcome = bundleShapefileParts(parts);
    expect(outcome.kind).toBe('bundle');
    if (outcome.kind !== 'bundle') return;
    expect(outcome.name).toBe('poles.zip');
    const loose = await readImportSource({ name: outcome.name, bytes: outcome.bytes });
    const reference = await readImportSource({ name: 'poles-shapefile.zip', bytes: zipped });
    expect(loose.ok).toBe(true);
    expect(loose).toEqual(reference);
  });

  it('reads the positions of a shapefile without its .dbf, and says when the .shp is missing', async () => {
    const { parts } = await looseParts();
    const withoutDbf = bundleShapefileParts(parts.filter((part) => !part.name.endsWith('.dbf')));
    if (withoutDbf.kind !== 'bundle') throw new Error(`not bundled: ${withoutDbf.kind}`);
    const read = await readImportSource({ name: withoutDbf.name, bytes: withoutDbf.bytes });
    if (!read.ok || read.source.kind !== 'features') throw new Error('not read');
    // Seven shapes: the zipped read shows six because the .dbf marks one record deleted.
    expect(read.source.features).toHaveLength(7);
    expect(read.source.features.every((feature) => feature.position !== undefined)).toBe(true);
    expect(read.source.fields).toEqual([]);
    expect(read.source.readWarnings).toEqual([{ code: 'noDbf' }]);
    const withoutShp = parts.filter((part) => !part.name.endsWith('.shp'));
    expect(bundleShapefileParts(withoutShp)).toMatchObject({
      failure: { code: 'missingPart', params: { part: '.shp' } },
    });
  });

  it('leaves other sets of files to the "one file at a time" message', async () => {
    const { parts } = await looseParts();
    const csv = { name: 'sites.csv', bytes: new Uint8Array([0x61]) };
    expect(looksLikeShapefileParts(['a.csv', 'b.csv'])).toBe(false);
    expect(looksLikeShapefileParts(['a.shp'])).toBe(false);
    expect(bundleShapefileParts([...parts, csv])).toEqual({ kind: 'notShapefileParts' });
    const other = { name: 'other.shp', bytes: parts[0]!.bytes };
    expect(bundleShapefileParts([...parts, other])).toEqual({ kind: 'notShapefileParts' });
  });
});

describe('legacy Excel', () => {
  it('refuses .xls, by name or by its OLE2 signature, telling the user to save as .xlsx or CSV', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await readImportSource({ name: '站点.XLS', bytes: ole2 })).toEqual({
      ok: false,
      failure: { code: 'legacyXls', params: { name: '站点.XLS' } },
    });
    expect(await readImportSource({ name: 'export', bytes: ole2 })).toMatchObject({
      failure: { code: 'legacyXls' },
    });
  });
});
