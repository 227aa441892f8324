import { describe, expect, it } from 'vitest';
import { csvCell, exportSitesCsv } from '../../../../src/domain/export/csv-export';
import { exportSitesGeoJson } from '../../../../src/domain/export/geojson-export';
import { exportSitesKml } from '../../../../src/domain/export/kml-export';
import { site } from '../../support/scenario/scenario-fixtures';

const tricky = site('C1', 121.473701234567, 31.230416999999, {
  name: '=HYPERLINK("http://x","点我"), 第二行\n结束',
  kind: 'micro',
  band: 'n78',
  heightM: 12,
  powerDbm: 30,
  antennaGainDbi: -3,
  azimuthDeg: 120,
  beamwidthDeg: 65,
  mechanicalTiltDeg: 2,
  electricalTiltDeg: 4.5,
  verticalBeamwidthDeg: 30,
  status: 'candidate',
  poleId: '+P-01',
});
const plain = site('B2', 121.5, 31.25, { name: '外滩 <1> & "A"', kind: 'macro', status: 'existing' });

describe('CSV export', () => {
  const bytes = new TextEncoder().encode(exportSitesCsv([tricky, plain]));
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('starts with the UTF-8 byte-order mark EF BB BF and the Chinese header', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(
      '站点ID,名称,经度,纬度,类型,频段,挂高(米),功率(dBm),天线增益(dBi),方位角,波瓣宽度,机械下倾角,电子下倾角,垂直波瓣宽度,状态,综合杆ID',
    );
  });

  it('quotes commas, quotes and newlines per RFC 4180 and defuses formulas', () => {
    const rows = text.slice(1).split('\r\n');
    expect(rows[1]).toBe(
      'C1,"\'=HYPERLINK(""http://x"",""点我""), 第二行\n结束",121.4737012,31.230417,微站,n78,12,30,-3,120,65,2,4.5,30,候选,\'+P-01',
    );
    expect(rows[2]).toBe('B2,"外滩 <1> & ""A""",121.5,31.25,宏站,,,,,,,,,,现网,');
    expect(rows[3]).toBe('');
    expect(rows).toHaveLength(4);
  });

  it('guards every formula trigger in text but leaves negative numbers alone', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
    ]);
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('GeoJSON export', () => {
  const parsed = JSON.parse(exportSitesGeoJson([tricky, plain]));

  it('is an RFC 7946 FeatureCollection without crs, with ≤ 7 coordinate decimals', () => {
    expect(parsed.type).toBe('FeatureCollection');
    expect('crs' in parsed).toBe(false);
    expect(parsed.features[0].geometry).toEqual({ type: 'Point', coordinates: [121.4737012, 31.230417] });
    expect(parsed.features[0].id).toBe('C1');
    expect(parsed.features[0].properties).toEqual(tricky.properties);
    const decimals = JSON.stringify(parsed.features.map((feature: { geometry: unknown }) => feature.geometry))
      .match(/\d+\.\d+/g)!
      .map((number) => number.split('.')[1]!.length);
    expect(Math.max(...decimals)).toBeLessThanOrEqual(7);
  });
});

describe('KML export', () => {
  const kml = exportSitesKml([tricky, plain], '方案 <A&B>');

  it('is KML 2.2 with escaped XML text and lng,lat coordinates', () => {
    expect(
      kml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'),
    ).toBe(true);
    expect(kml).toContain('<name>方案 &lt;A&amp;B&gt;</name>');
    expect(kml).toContain('<name>外滩 &lt;1&gt; &amp; &quot;A&quot;</name>');
    expect(kml).toContain('<Point><coordinates>121.4737012,31.230417</coordinates></Point>');
    expect(kml).toContain('<Data name="heightM"><value>12</value></Data>');
    expect(kml).toContain('<Data name="electricalTiltDeg"><value>4.5</value></Data>');
    expect(kml.match(/<Placemark>/g)).toHaveLength(2);
  });

  it('drops characters XML 1.0 forbids so the file still opens', () => {
    const withControl = exportSitesKml([site('C9', 121, 31, { name: 'a\u0001b\u000bc' })], 'x');
    expect(withControl).toContain('<name>abc</name>');
  });
});
