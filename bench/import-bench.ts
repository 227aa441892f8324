/**
 * Import benchmark: a 100,000-row site list (工参表-like, 9 columns) read, column-detected, converted from
 * GCJ-02 and validated against districts, land and water, as the import worker does it. Median of 5
 * runs per variant, in Node (the target is < 5 s in the browser). Run: `npx tsx bench/import-bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { wgs84ToGcj02 } from '../src/domain/import/coordinate-systems';
import { prepareImportGeography } from '../src/domain/import/geography';
import { importFile } from '../src/domain/import/import-file';
import { encodeGbk } from '../tests/unit/support/import/gbk';
import { writeXlsx, type XlsxCell } from '../tests/unit/support/import/xlsx-writer';
import { benchSites } from './sample-sites';

const ROWS = 100_000;
const RUNS = 5;
type Polygons = FeatureCollection<Polygon | MultiPolygon>;
const readGeo = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../data/geo', name), 'utf8')) as T;

const sample = benchSites(32_000, 2020).sites.features;
const bands = ['3.5G', 'n41', '2.6G', '700M'];
const kinds = ['宏站', '微站', '室分'];
const header = ['站点ID', '站点名称', '经度', '纬度', '方位角', '天线挂高(m)', '频段', '类型', '下倾角'];
function row(index: number): (string | number)[] {
  const [lon, lat] = sample[index % sample.length]!.geometry.coordinates as [number, number];
  const [gcjLon, gcjLat] = wgs84ToGcj02(lon + Math.floor(index / sample.length) * 1e-4, lat);
  return [
    `S${index}`,
    `测试站${index}`,
    gcjLon.toFixed(7),
    gcjLat.toFixed(7),
    (index * 120) % 360,
    25 + (index % 20),
    bands[index % 4]!,
    kinds[index % 3]!,
    6,
  ];
}
const rows = Array.from({ length: ROWS }, (_, index) => row(index));
const csvText = [header, ...rows].map((cells) => cells.join(',')).join('\r\n');
const inputs: { label: string; name: string; bytes: Uint8Array }[] = [
  { label: 'CSV UTF-8', name: 'bench.csv', bytes: new TextEncoder().encode(csvText) },
  { label: 'CSV GBK', name: 'bench.csv', bytes: encodeGbk(csvText) },
];
const xlsxRows = new Map<number, XlsxCell[]>([[1, header]]);
rows.forEach((cells, index) => {
  xlsxRows.set(
    index + 2,
    cells.map((cell, column) => (column >= 2 && column <= 5 ? Number(cell) : cell)),
  );
});
inputs.push({ label: 'xlsx', name: 'bench.xlsx', bytes: writeXlsx({ name: 'sheet', rows: xlsxRows }) });
const geojson = {
  type: 'FeatureCollection',
  features: rows.map((cells) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [Number(cells[2]), Number(cells[3])] },
    properties: {
      id: cells[0],
      name: cells[1],
      azimuth: cells[4],
      height: cells[5],
      band: cells[6],
      kind: cells[7],
    },
  })),
};
inputs.push({
  label: 'GeoJSON',
  name: 'bench.geojson',
  bytes: new TextEncoder().encode(JSON.stringify(geojson)),
});

const geography = prepareImportGeography({
  districts: readGeo('districts.geojson'),
  boundary: readGeo<Polygons>('admin-boundary.geojson'),
  land: readGeo<Polygons>('land.geojson'),
  water: [readGeo<Polygons>('sea.geojson'), readGeo<Polygons>('water-bodies.geojson')],
});

console.log(
  `import benchmark: ${ROWS.toLocaleString('en')} rows, GCJ-02 → WGS84, boundary + districts + land + water checks and the parameter check, median of ${RUNS}`,
);
console.log('| input | size MB | median s | min s | max s | imported | rejected | check findings |');
console.log('|---|---|---|---|---|---|---|---|');
for (const input of inputs) {
  const timesS: number[] = [];
  let imported = 0;
  let rejected = 0;
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const outcome = await importFile(
      { name: input.name, bytes: input.bytes },
      { layer: 'sites', crs: 'gcj02' },
      geography,
    );
    timesS.push((performance.now() - started) / 1000);
    if (!outcome.ok) throw new Error(`${input.label}: ${JSON.stringify(outcome.failure)}`);
    imported = outcome.result.features.length;
    findings = outcome.result.check?.findings.length ?? 0;
    rejected = outcome.result.rejected.length;
  }
  timesS.sort((a, b) => a - b);
  const median = timesS[Math.floor(RUNS / 2)]!;
  console.log(
    `| ${input.label} | ${(input.bytes.length / 2 ** 20).toFixed(1)} | ${median.toFixed(2)} | ${timesS[0]!.toFixed(2)} | ${timesS.at(-1)!.toFixed(2)} | ${imported} | ${rejected} | ${findings} |`,
  );
}
