import { describe, expect, it } from 'vitest';
import { popupModel } from '../../../src/map/popup-model';

const jinshan = {
  adcode: '310116',
  name: '金山区',
  name_en: 'Jinshan District',
  area_km2_official: 586.05,
  area_km2_polygon: 611.3,
};

const value = (model: ReturnType<typeof popupModel>, label: string) =>
  model.rows.find((row) => row.label === label)?.value;

describe('popup content', () => {
  it('a metro station is titled in pinyin and its lines in English in the English UI', () => {
    const station = { name: '徐家汇', pinyin: 'xujiahui', lines: ['1号线', '9号线', '11号线'] };
    const en = popupModel('metro', station, 'en');
    expect(en.title).toBe('Xujiahui');
    expect(value(en, 'Lines')).toBe('Line 1, Line 9, Line 11');
    const zh = popupModel('metro', station, 'zh');
    expect(zh.title).toBe('徐家汇');
    expect(value(zh, '换乘线路')).toBe('1号线, 9号线, 11号线');
  });

  it('a district shows both names, adcode, official area, source and precision', () => {
    const zh = popupModel('districts', jinshan, 'zh');
    expect(zh.title).toBe('金山区');
    expect(value(zh, '英文名')).toBe('Jinshan District');
    expect(value(zh, '行政区划代码')).toBe('310116');
    expect(value(zh, '官方面积')).toBe('586.05 平方公里');
    expect(value(zh, '来源')).toContain('geoBoundaries');
    expect(value(zh, '精度')).toBeDefined();
    const en = popupModel('districts', jinshan, 'en');
    expect(en.title).toBe('Jinshan District');
    expect(value(en, 'Official area')).toBe('586.05 km²');
  });

  it('a district shows the land the figures use, and explains it where it differs from the official area', () => {
    const jinshanZh = popupModel('districts', jinshan, 'zh');
    expect(value(jinshanZh, '计算用陆域')).toBe('603.6 平方公里');
    expect(jinshanZh.notes.join('')).not.toMatch(/围垦/);
    const chongming = {
      adcode: '310151',
      name: '崇明区',
      name_en: 'Chongming District',
      area_km2_official: 1185.49,
    };
    const zh = popupModel('districts', chongming, 'zh');
    expect(value(zh, '官方面积')).toBe('1185.49 平方公里');
    expect(value(zh, '计算用陆域')).toBe('1361.8 平方公里');
    expect(zh.notes.join('')).toMatch(/多 14\.9%.*围垦/);
    expect(popupModel('districts', chongming, 'en').notes.join('')).toMatch(/14\.9% larger.*reclaimed/);
  });

  it('a plan zone always says approximate extent and names its host district', () => {
    const model = popupModel(
      'newTowns',
      {
        id: 'newtown_jiading',
        kind: 'new_town',
        name: '嘉定新城',
        name_en: 'Jiading New Town',
        area_km2_official: 159.5,
        // MapLibre returns array properties as JSON text.
        adcodes: '["310114"]',
        approximate: true,
        precision: 'disc of the official area',
      },
      'zh',
    );
    expect(model.notes).toContain('示意范围：非官方边界');
    expect(value(model, '所在区')).toBe('嘉定区');
    expect(value(model, '类型')).toBe('新城');
    expect(value(model, '精度')).toBe('disc of the official area');
  });

  it('a placeholder data-centre location is flagged; cables list reads as text', () => {
    const dc = popupModel(
      'datacentres',
      {
        tier: 'hub_cluster',
        name: '金山数据中心集群',
        coord_precision: 'PLACEHOLDER = 金山区 centroid',
        source: 'policy',
      },
      'en',
    );
    expect(value(dc, 'Tier')).toBe('Hub cluster');
    expect(dc.notes).toEqual(['Placeholder location, not verified']);
    const landing = popupModel('cableLandings', { name: 'x', cables: '["APG","NCP"]' }, 'en');
    expect(value(landing, 'Cables')).toBe('APG, NCP');
    expect(landing.notes).toEqual([]);
  });

  it('sample sites and poles carry the sample-data note', () => {
    const site = popupModel(
      'sites',
      { id: 'S2020-000001', kind: 'macro', band: 'n78', heightM: 31, adcode: '310101', synthetic: true },
      'zh',
    );
    expect(site.notes).toContain('示意数据：合成样本，非真实设施');
    expect(value(site, '高度')).toBe('31 米');
    expect(value(site, '所在区')).toBe('黄浦区');
    expect(popupModel('poles', { id: 'P-1', heightM: 10 }, 'en').notes).toContain(
      'Sample data: synthetic, not a real facility',
    );
  });

  it('an imported existing site or pole names the import as its source, not sample data', () => {
    const site = popupModel('sites', { id: 'OP-E1', status: 'existing', imported: true }, 'zh');
    expect(value(site, '状态')).toBe('现网');
    expect(value(site, '来源')).toBe('导入的数据（保存在当前方案中）');
    expect(site.notes).not.toContain('示意数据：合成样本，非真实设施');
    const pole = popupModel('poles', { id: 'IMP-P1', heightM: 11, imported: true }, 'en');
    expect(value(pole, 'Source')).toBe('Imported (kept in the open scenario)');
    expect(pole.notes).toEqual([]);
  });

  it('keeps markup in data as plain text values', () => {
    const model = popupModel('districts', { ...jinshan, name: '<img src=x onerror=alert(1)>' }, 'zh');
    expect(model.title).toBe('<img src=x onerror=alert(1)>');
  });
});
