/**
 * Generates the import test fixtures in tests/fixtures/import/ (run: `npx tsx scripts/make-import-fixtures.ts`).
 * Deterministic (seeded positions, fixed zip times), so tests/unit/domain/import/committed-fixtures.test.ts can
 * regenerate them and fail on a hand edit. Truth positions are WGS84 points on Shanghai land; each file
 * writes them in its own format, encoding and datum, and expected.json records what an import must give.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createSeededRandom } from '../src/domain/geo/seeded-random';
import { writeGeoPackage } from '../src/domain/geopackage/gpkg-writer';
import { loadSqlite, type SqlJsStatic } from '../src/domain/geopackage/sqlite-loader';
import { wgs84ToBd09, wgs84ToGcj02 } from '../src/domain/import/coordinate-systems';
import { prepareImportGeography } from '../src/domain/import/geography';
import type { CoordinateSystem, ImportLayer, RejectedRow } from '../src/domain/import/import-types';
import { encodeGbk } from '../tests/unit/support/import/gbk';
import { WGS84_PRJ, writeDbf, writeShp } from '../tests/unit/support/import/shapefile-writer';
import { writeXlsx, type XlsxCell } from '../tests/unit/support/import/xlsx-writer';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'tests/fixtures/import');
const FIXED_TIME = new Date('2024-01-01T00:00:00Z');
const utf8 = (text: string) => new TextEncoder().encode(text);
const fixed = (value: number, digits: number) => value.toFixed(digits);

export interface ExpectedFeature {
  id: string;
  lon: number;
  lat: number;
  properties: Record<string, string | number>;
}

export interface ExpectedFixture {
  options: { layer: ImportLayer; crs: CoordinateSystem };
  imported: ExpectedFeature[];
  rejected: RejectedRow[];
  warnings: string[];
}

interface Truth {
  id: string;
  name: string;
  lon: number;
  lat: number;
  azimuthDeg: number;
  heightM: number;
  band: 'n28' | 'n41' | 'n78' | 'n79';
  kind: 'macro' | 'micro' | 'indoor';
}

type Polygons = FeatureCollection<Polygon | MultiPolygon>;
const readGeo = <T>(name: string): T => JSON.parse(readFileSync(join(ROOT, 'data/geo', name), 'utf8')) as T;

const BAND_TEXT: Record<Truth['band'], string[]> = {
  n28: ['700M', 'n28'],
  n41: ['2.6G', 'N41'],
  n78: ['3.5G', 'n78', '3.5GHz'],
  n79: ['4.9G', 'n79'],
};
const KIND_TEXT: Record<Truth['kind'], string> = { macro: '宏站', micro: '微站', indoor: '室分' };
const BANDS = ['n78', 'n41', 'n28', 'n79'] as const;
const KINDS = ['macro', 'micro', 'indoor'] as const;

/** Seeded truth sites on Shanghai land (inside a district, on the land outline, not in mapped water). */
function truthSites(
  count: number,
  seed: number,
  prefix: string,
  accept: (lon: number, lat: number) => boolean,
): Truth[] {
  const random = createSeededRandom(seed);
  const sites: Truth[] = [];
  while (sites.length < count) {
    const lon = Math.round(random.between(121.0, 121.95) * 1e6) / 1e6;
    const lat = Math.round(random.between(30.7, 31.65) * 1e6) / 1e6;
    if (!accept(lon, lat)) continue;
    const index = sites.length;
    sites.push({
      id: `${prefix}${String(index + 1).padStart(3, '0')}`,
      name: `测试站${index + 1}号`,
      lon,
      lat,
      azimuthDeg: (index * 40) % 360,
      heightM: 20 + (index % 6) * 5,
      band: BANDS[index % BANDS.length]!,
      kind: KINDS[index % KINDS.length]!,
    });
  }
  return sites;
}

const bandText = (site: Truth, index: number) => BAND_TEXT[site.band][index % BAND_TEXT[site.band].length]!;

function expectedSite(site: Truth, extra: Record<string, string | number> = {}): ExpectedFeature {
  return {
    id: site.id,
    lon: site.lon,
    lat: site.lat,
    properties: {
      name: site.name,
      azimuthDeg: site.azimuthDeg,
      heightM: site.heightM,
      band: site.band,
      kind: site.kind,
      ...extra,
    },
  };
}

/** All fixture files and what importing each must give (the GeoPackage when `sqlite` is given). */
export function buildImportFixtures(sqlite?: SqlJsStatic): {
  files: Map<string, Uint8Array>;
  expected: Record<string, ExpectedFixture>;
} {
  const geography = prepareImportGeography({
    districts: readGeo('districts.geojson'),
    land: readGeo<Polygons>('land.geojson'),
    water: [readGeo<Polygons>('sea.geojson'), readGeo<Polygons>('water-bodies.geojson')],
  });
  const onLand = (lon: number, lat: number) =>
    geography.districtAt(lon, lat) !== undefined &&
    geography.onLand(lon, lat) &&
    !geography.inWater(lon, lat);
  // Shifted by a wrong datum, these must stay in Shanghai too, so a correct import never depends on luck.
  const safe = (lon: number, lat: number) =>
    onLand(lon, lat) && onLand(...wgs84ToGcj02(lon, lat)) && onLand(...wgs84ToBd09(lon, lat));
  const files = new Map<string, Uint8Array>();
  const expected: Record<string, ExpectedFixture> = {};
  const sites = truthSites(12, 5001, 'SH-', safe);
  const withAdcode = (site: Truth) => ({ adcode: geography.districtAt(site.lon, site.lat)! });
  const plain = (
    layer: ImportLayer,
    crs: CoordinateSystem,
    imported: ExpectedFeature[],
  ): ExpectedFixture => ({
    options: { layer, crs },
    imported,
    rejected: [],
    warnings: [],
  });

  // 1. GBK CSV with Chinese headers in GCJ-02, as Excel on Chinese Windows saves an AMap export.
  const gbkLines = ['站点ID,站点名称,经度,纬度,方位角,天线挂高(m),频段,类型,下倾角'];
  sites.forEach((site, index) => {
    const [lon, lat] = wgs84ToGcj02(site.lon, site.lat);
    gbkLines.push(
      [
        site.id,
        site.name,
        fixed(lon, 8),
        fixed(lat, 8),
        site.azimuthDeg,
        site.heightM,
        bandText(site, index),
        KIND_TEXT[site.kind],
        6,
      ].join(','),
    );
  });
  files.set('sites-gbk-gcj02.csv', encodeGbk(`${gbkLines.join('\r\n')}\r\n`));
  expected['sites-gbk-gcj02.csv'] = plain(
    'sites',
    'gcj02',
    sites.map((site) =>
      expectedSite(site, { mechanicalTiltDeg: 0, electricalTiltDeg: 6, ...withAdcode(site) }),
    ),
  );

  // 2. UTF-8 with BOM, English headers, RFC 4180 quoting; names that look like formulas or HTML stay text.
  const bomSites = sites.slice(0, 6).map((site, index) => ({
    ...site,
    name:
      index === 0
        ? 'Site, "North"'
        : index === 1
          ? '=HYPERLINK("x")'
          : index === 2
            ? '<b>bold</b>'
            : site.name,
  }));
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const bomLines = ['id,name,lng,lat,azimuth,height,band,kind'];
  bomSites.forEach((site, index) => {
    bomLines.push(
      [
        site.id,
        quote(site.name),
        fixed(site.lon, 7),
        fixed(site.lat, 7),
        site.azimuthDeg,
        site.heightM,
        bandText(site, index),
        site.kind,
      ].join(','),
    );
  });
  files.set('sites-utf8-bom.csv', utf8(`\uFEFF${bomLines.join('\n')}\n`));
  expected['sites-utf8-bom.csv'] = plain(
    'sites',
    'wgs84',
    bomSites.map((site) => expectedSite(site, withAdcode(site))),
  );

  // 3. Semicolon CSV from a European-locale Excel: decimal commas, mixed-case headers, WGS84.
  const semicolonLines = ['Name;Longitude;Latitude;Height;Azimuth;Band;Type;ID'];
  sites.slice(0, 5).forEach((site, index) => {
    semicolonLines.push(
      [
        site.name,
        fixed(site.lon, 6).replace('.', ','),
        fixed(site.lat, 6).replace('.', ','),
        site.heightM,
        site.azimuthDeg,
        bandText(site, index),
        KIND_TEXT[site.kind],
        site.id,
      ].join(';'),
    );
  });
  files.set('sites-semicolon.csv', utf8(`${semicolonLines.join('\r\n')}\r\n`));
  expected['sites-semicolon.csv'] = plain(
    'sites',
    'wgs84',
    sites.slice(0, 5).map((site) => expectedSite(site, withAdcode(site))),
  );

  // 4. TSV with X/Y headers in CGCS2000 (read as WGS84); no id column, so ids come from row numbers.
  const tsvLines = ['名称\tX\tY\t挂高\t方位角\t频段\t站型'];
  sites.slice(0, 4).forEach((site, index) => {
    tsvLines.push(
      [
        site.name,
        fixed(site.lon, 6),
        fixed(site.lat, 6),
        `${site.heightM}m`,
        `${site.azimuthDeg}°`,
        bandText(site, index),
        KIND_TEXT[site.kind],
      ].join('\t'),
    );
  });
  files.set('sites.tsv', utf8(`${tsvLines.join('\n')}\n`));
  expected['sites.tsv'] = plain(
    'sites',
    'cgcs2000',
    sites
      .slice(0, 4)
      .map((site, index) => ({ ...expectedSite(site, withAdcode(site)), id: `import-${index + 2}` })),
  );

  // 5. xlsx with a merged title row and a blank row above the header, BD-09 coordinates, numeric cells.
  const xlsxRows = new Map<number, XlsxCell[]>();
  xlsxRows.set(1, ['上海市5G基站工参表（示例数据）', null, null, null, null, null, null, null]);
  xlsxRows.set(3, ['基站编号', '基站名称', '经度', '纬度', '方位角', '挂高', '频段', '基站类型']);
  sites.slice(0, 8).forEach((site, index) => {
    const [lon, lat] = wgs84ToBd09(site.lon, site.lat);
    const name: XlsxCell = index === 0 ? { inline: site.name } : site.name;
    xlsxRows.set(4 + index, [
      site.id,
      name,
      Number(fixed(lon, 8)),
      Number(fixed(lat, 8)),
      site.azimuthDeg,
      site.heightM,
      bandText(site, index),
      KIND_TEXT[site.kind],
    ]);
  });
  files.set('sites-title-row.xlsx', writeXlsx({ name: '工参表', rows: xlsxRows, merges: ['A1:H1'] }));
  expected['sites-title-row.xlsx'] = plain(
    'sites',
    'bd09',
    sites.slice(0, 8).map((site) => expectedSite(site, withAdcode(site))),
  );

  // 6. GeoJSON with a one-point MultiPoint, a null geometry and a LineString (the last two rejected).
  const geojsonFeatures: unknown[] = sites.slice(0, 5).map((site, index) => ({
    type: 'Feature',
    id: site.id,
    geometry:
      index === 1
        ? { type: 'MultiPoint', coordinates: [[site.lon, site.lat]] }
        : { type: 'Point', coordinates: [site.lon, site.lat] },
    properties: {
      name: site.name,
      azimuth: site.azimuthDeg,
      height: site.heightM,
      band: site.band,
      kind: site.kind,
      owner: '电信',
    },
  }));
  geojsonFeatures.push({ type: 'Feature', geometry: null, properties: { name: 'no geometry' } });
  geojsonFeatures.push({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [
        [121.4, 31.2],
        [121.5, 31.3],
      ],
    },
    properties: { name: 'a line' },
  });
  files.set(
    'sites.geojson',
    utf8(`${JSON.stringify({ type: 'FeatureCollection', features: geojsonFeatures }, null, 1)}\n`),
  );
  expected['sites.geojson'] = {
    ...plain(
      'sites',
      'wgs84',
      sites.slice(0, 5).map((site) => expectedSite(site, withAdcode(site))),
    ),
    rejected: [
      { row: 6, reason: 'missingGeometry' },
      { row: 7, reason: 'unsupportedGeometry', params: { geometryType: 'LineString' } },
    ],
    warnings: ['ignoredColumns'],
  };

  // 7–8. KML (nested folders, ExtendedData, a CDATA name with markup) and the same as a KMZ with an image.
  const kmlSites = sites
    .slice(0, 6)
    .map((site, index) => (index === 2 ? { ...site, name: '<i>斜体</i> & 站' } : site));
  const placemark = (site: Truth, index: number) =>
    `<Placemark><name><![CDATA[${site.name}]]></name><styleUrl>#s</styleUrl><ExtendedData>` +
    `<Data name="站点ID"><value>${site.id}</value></Data><Data name="方位角"><value>${site.azimuthDeg}</value></Data>` +
    `<Data name="挂高"><value>${site.heightM}</value></Data><Data name="频段"><value>${bandText(site, index)}</value></Data>` +
    `<Data name="类型"><value>${KIND_TEXT[site.kind]}</value></Data></ExtendedData>` +
    `<Point><coordinates>${fixed(site.lon, 7)},${fixed(site.lat, 7)},0</coordinates></Point></Placemark>`;
  const kml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>站点</name>' +
    `<Style id="s"><IconStyle><scale>1.1</scale></IconStyle></Style><Folder><name>浦东</name>${kmlSites.slice(0, 3).map(placemark).join('\n')}` +
    `<Folder><name>内层</name>${kmlSites
      .slice(3)
      .map((site, index) => placemark(site, index + 3))
      .join('\n')}</Folder></Folder></Document></kml>\n`;
  files.set('sites.kml', utf8(kml));
  expected['sites.kml'] = plain(
    'sites',
    'wgs84',
    kmlSites.map((site) => expectedSite(site, withAdcode(site))),
  );
  files.set(
    'sites.kmz',
    zipSync(
      { 'doc.kml': utf8(kml), 'files/icon.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]) },
      { level: 6, mtime: FIXED_TIME },
    ),
  );
  expected['sites.kmz'] = expected['sites.kml'];

  // 9. Zipped shapefile of poles with .cpg = GBK: Chinese field names and values, one deleted record.
  const poles = truthSites(7, 7001, 'P-', safe);
  const { shp, shx } = writeShp({ shapeType: 1, geometries: poles.map((pole) => [pole.lon, pole.lat]) });
  const dbf = writeDbf({
    fields: [
      { name: '杆号', type: 'C', length: 12 },
      { name: '杆高', type: 'N', length: 6, decimals: 1 },
      { name: '所属道路', type: 'C', length: 40 },
    ],
    records: poles.map((pole, index) => [
      pole.id,
      index === 3 ? null : 8 + (index % 5),
      `测试路${index + 1}号`,
    ]),
    deleted: [5],
    encode: encodeGbk,
  });
  files.set(
    'poles-shapefile.zip',
    zipSync(
      {
        'poles.shp': shp,
        'poles.shx': shx,
        'poles.dbf': dbf,
        'poles.prj': utf8(WGS84_PRJ),
        'poles.cpg': utf8('GBK'),
      },
      { level: 6, mtime: FIXED_TIME },
    ),
  );
  expected['poles-shapefile.zip'] = {
    ...plain(
      'poles',
      'wgs84',
      poles.flatMap((pole, index) =>
        index === 5
          ? []
          : [
              {
                id: pole.id,
                lon: pole.lon,
                lat: pole.lat,
                properties: { heightM: index === 3 ? 10 : 8 + (index % 5), ...withAdcode(pole) },
              },
            ],
      ),
    ),
    warnings: ['defaultPoleHeight', 'ignoredColumns'],
  };

  const bad = buildBadRows(sites);
  files.set('bad-rows.csv', utf8(bad.text));
  expected['bad-rows.csv'] = bad.expected;

  // Coastal sites in GCJ-02: read as WGS84 they slide off the land outline, which the datum hint must notice.
  const coastal = truthSites(
    10,
    9001,
    'C-',
    (lon, lat) => onLand(lon, lat) && !geography.onLand(...wgs84ToGcj02(lon, lat)),
  );
  const coastalLines = ['站号,经度,纬度'];
  for (const site of coastal) {
    const [lon, lat] = wgs84ToGcj02(site.lon, site.lat);
    coastalLines.push([site.id, fixed(lon, 8), fixed(lat, 8)].join(','));
  }
  files.set('coastal-gcj02.csv', utf8(`${coastalLines.join('\n')}\n`));
  expected['coastal-gcj02.csv'] = plain(
    'sites',
    'gcj02',
    coastal.map((site) => ({ id: site.id, lon: site.lon, lat: site.lat, properties: withAdcode(site) })),
  );

  // Latitude and longitude columns swapped: every row is out of range and the hint says why.
  const swappedLines = [
    'name,lon,lat',
    ...sites.slice(0, 4).map((site) => [site.name, fixed(site.lat, 6), fixed(site.lon, 6)].join(',')),
  ];
  files.set('swapped.csv', utf8(`${swappedLines.join('\n')}\n`));
  expected['swapped.csv'] = {
    ...plain('sites', 'wgs84', []),
    rejected: sites.slice(0, 4).map((site, index) => ({
      row: index + 2,
      reason: 'outOfRange',
      params: { lon: Number(fixed(site.lat, 6)), lat: Number(fixed(site.lon, 6)) },
    })),
    warnings: ['latLonSwapped'],
  };
  // A GeoPackage as QGIS writes one: a point layer with a Chinese table name and Chinese text, and a
  // polygon layer the import passes over (it says which layer it read).
  if (sqlite) {
    const gpkgSites = sites.slice(0, 6);
    const points = gpkgSites.map((site) => ({
      type: 'Feature' as const,
      geometry: {
        type: 'Point' as const,
        coordinates: [Number(fixed(site.lon, 7)), Number(fixed(site.lat, 7))],
      },
      properties: {
        站点ID: site.id,
        名称: site.name,
        方位角: site.azimuthDeg,
        挂高: site.heightM,
        频段: site.band,
      },
    }));
    const area = {
      type: 'Feature' as const,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [121.4, 31.2],
            [121.5, 31.2],
            [121.5, 31.3],
            [121.4, 31.2],
          ],
        ],
      },
      properties: { 名称: '候选区域' },
    };
    files.set(
      'sites.gpkg',
      writeGeoPackage(
        sqlite,
        [
          { name: '站点', geometryType: 'POINT', features: points },
          { name: 'areas', geometryType: 'POLYGON', features: [area] },
        ],
        FIXED_TIME.toISOString(),
      ),
    );
    expected['sites.gpkg'] = {
      ...plain(
        'sites',
        'wgs84',
        gpkgSites.map((site) => ({
          id: site.id,
          lon: site.lon,
          lat: site.lat,
          properties: {
            name: site.name,
            azimuthDeg: site.azimuthDeg,
            heightM: site.heightM,
            band: site.band,
          },
        })),
      ),
      warnings: ['gpkgLayer'],
    };
  }
  files.set('expected.json', utf8(`${JSON.stringify(expected, null, 1)}\n`));
  return { files, expected };
}

/**
 * A CSV with one row for every reject reason, rows whose attributes take a default (each kind of fix
 * reported with its rows), a blank row, and valid rows around them.
 */
function buildBadRows(sites: Truth[]): { text: string; expected: ExpectedFixture } {
  const [first, second, third] = [sites[0]!, sites[1]!, sites[2]!];
  const row = (
    id: string,
    name: string,
    lon: string,
    lat: string,
    azimuth = '0',
    height = '30',
    band = 'n78',
    kind = '宏站',
  ) => [id, name, lon, lat, azimuth, height, band, kind].join(',');
  const lon = (site: Truth) => fixed(site.lon, 6);
  const lat = (site: Truth) => fixed(site.lat, 6);
  const lines = [
    '站点ID,站名,经度,纬度,方位角,挂高,频段,类型',
    row('B-1', '好站', lon(first), lat(first)),
    row('B-2', '缺经度', '', lat(second)),
    row('B-3', '非数字', lon(second), 'abc'),
    row('B-4', '超范围', lon(second), '95'),
    row('B-5', '北京', '116.397', '39.909'),
    row('B-1', '重复编号', lon(second), lat(second)),
    row('B-6', '重复位置', lon(first), lat(first)),
    row('B-7', '未知频段', lon(second), lat(second), '0', '30', '1.8G'),
    row('B-8', '未知类型', lon(second), lat(second), '0', '30', 'n78', '卫星站'),
    row('B-9', '方位角错', lon(second), lat(second), '400'),
    row('B-10', '挂高错', lon(second), lat(second), '0', 'tall'),
    ',,,,,,,',
    row('B-11', '同址扇区', lon(first), lat(first), '120'),
    row('=cmd|calc', '<img src=x onerror=alert(1)>', lon(third), lat(third)),
    row('B-1', '好站', lon(first), lat(first)),
  ];
  const ok = (
    site: Truth,
    id: string,
    name: string,
    azimuthDeg: number | undefined,
    properties: Record<string, string | number> = { heightM: 30, band: 'n78', kind: 'macro' },
  ): ExpectedFeature => ({
    id,
    lon: site.lon,
    lat: site.lat,
    properties: { name, ...(azimuthDeg === undefined ? {} : { azimuthDeg }), ...properties },
  });
  return {
    text: `${lines.join('\n')}\n`,
    expected: {
      options: { layer: 'sites', crs: 'wgs84' },
      // A second sector on B-1's mast with its own id is a sector (the parameter check flags it);
      // attributes the planner cannot use take their defaults, with one warning per kind of fix.
      imported: [
        ok(first, 'B-1', '好站', 0),
        ok(first, 'B-6', '重复位置', 0),
        ok(second, 'B-7', '未知频段', 0, { heightM: 30, kind: 'macro' }),
        ok(second, 'B-8', '未知类型', 0, { heightM: 30, band: 'n78' }),
        ok(second, 'B-9', '方位角错', undefined),
        ok(second, 'B-10', '挂高错', 0, { band: 'n78', kind: 'macro' }),
        ok(first, 'B-11', '同址扇区', 120),
        ok(third, '=cmd|calc', '<img src=x onerror=alert(1)>', 0),
      ],
      rejected: [
        { row: 3, reason: 'missingCoordinate', params: { field: 'lon' } },
        { row: 4, reason: 'nonNumericCoordinate', params: { field: 'lat', value: 'abc' } },
        { row: 5, reason: 'outOfRange', params: { lon: Number(lon(second)), lat: 95 } },
        { row: 6, reason: 'outsideShanghai', params: { lon: 116.397, lat: 39.909 } },
        { row: 7, reason: 'duplicateId', params: { id: 'B-1', firstRow: 2 } },
        { row: 16, reason: 'duplicateRow', params: { firstRow: 2 } },
      ],
      warnings: ['defaultApplied', 'defaultApplied', 'defaultApplied', 'defaultApplied'],
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, bytes] of buildImportFixtures(await loadSqlite()).files) {
    writeFileSync(join(OUT, name), bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  }
}
