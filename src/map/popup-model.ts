/**
 * What a popup says about a clicked feature, as plain data (title, rows, notes). Pure, so it is
 * unit-tested in Node; popup-element.ts turns it into DOM text nodes.
 */

import { type Language, type MessageKey, translate } from '../domain/i18n/translate';
import { type LayerId, layerDefinition } from '../domain/layers/catalogue';
import { metroLineNameEn, metroStationNameEn } from '../domain/layers/metro-names';
import { districtFacts } from '../domain/plan/district-facts';
import { DISTRICT_LAND_KM2 } from '../domain/plan/district-land';
import { compareLandArea, landAreaNote } from '../domain/plan/land-area';

export interface PopupRow {
  label: string;
  value: string;
}

export interface PopupModel {
  title: string;
  /** The layer's name, shown above the title. */
  layerLabel: string;
  rows: PopupRow[];
  /** Warnings a user must see: approximate extent, sample data, placeholder location. */
  notes: string[];
}

type Properties = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/** MapLibre hands nested properties back as JSON strings; read arrays either way. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON after all: fall through and show the raw text.
    }
  }
  return typeof value === 'string' && value !== '' ? [value] : [];
}

function districtName(adcode: string, language: Language): string {
  const facts = districtFacts(adcode);
  if (!facts) return adcode;
  return language === 'en' ? facts.nameEn : facts.name;
}

/** The popup content for a feature of a catalogue layer, in a language. */
export function popupModel(layerId: LayerId, properties: Properties, language: Language): PopupModel {
  const t = (key: MessageKey) => translate(language, key);
  const rows: PopupRow[] = [];
  const notes: string[] = [];
  const add = (key: MessageKey, value: unknown, unit?: MessageKey) => {
    const shown = text(value);
    if (shown !== undefined) rows.push({ label: t(key), value: unit ? `${shown} ${t(unit)}` : shown });
  };
  const localName = text(language === 'en' ? properties.name_en : properties.name) ?? text(properties.name);
  const title = localName ?? text(properties.id) ?? '';
  const definition = layerDefinition(layerId);

  switch (layerId) {
    case 'districts':
      add('popup.nameZh', properties.name);
      add('popup.nameEn', properties.name_en);
      add('popup.adcode', properties.adcode);
      add('popup.areaOfficial', properties.area_km2_official, 'unit.km2');
      {
        // The land the figures use, and why it differs from the official area where it does.
        const adcode = String(properties.adcode);
        const landKm2 = DISTRICT_LAND_KM2[adcode];
        const officialKm2 = Number(properties.area_km2_official);
        if (landKm2 !== undefined) {
          add('landArea.used', landKm2, 'unit.km2');
          const note = landAreaNote(language, compareLandArea(landKm2, officialKm2, adcode));
          if (note) notes.push(note);
        }
      }
      add('popup.source', t('source.districts'));
      add('popup.precision', t('precision.districts'));
      break;
    case 'newTowns':
    case 'wings':
    case 'keyAreas': {
      add('popup.nameZh', properties.name);
      add('popup.nameEn', properties.name_en);
      const kindKey: Record<string, MessageKey> = {
        new_town: 'value.newTown',
        wing: 'value.wing',
        key_area: 'value.keyArea',
      };
      const kind = kindKey[String(properties.kind)];
      if (kind) add('popup.kind', t(kind));
      if (properties.wing === 'east' || properties.wing === 'west') {
        add('popup.wing', t(properties.wing === 'east' ? 'value.wingEast' : 'value.wingWest'));
      }
      add('popup.areaOfficial', properties.area_km2_official, 'unit.km2');
      const adcodes = list(properties.adcodes);
      if (adcodes.length > 0)
        add('popup.district', adcodes.map((code) => districtName(code, language)).join(', '));
      add('popup.precision', properties.precision);
      add('popup.source', properties.source);
      notes.push(t('popup.approximateExtent'));
      break;
    }
    case 'datacentres':
    case 'cableLandings':
    case 'internetExchange': {
      if (layerId === 'datacentres') {
        const tierKey: Record<string, MessageKey> = {
          hub_cluster: 'value.hubCluster',
          city_agglomeration: 'value.agglomeration',
        };
        add('popup.tier', t(tierKey[String(properties.tier)] ?? 'value.otherDatacentre'));
      }
      add('popup.cables', list(properties.cables).join(', '));
      add('popup.opened', properties.opened);
      add('popup.precision', properties.coord_precision);
      add('popup.source', properties.source);
      if (String(properties.coord_precision ?? '').startsWith('PLACEHOLDER'))
        notes.push(t('popup.placeholder'));
      break;
    }
    case 'sites': {
      add('popup.id', properties.id);
      const valueKeys: Record<string, MessageKey> = {
        macro: 'value.macro',
        micro: 'value.micro',
        indoor: 'value.indoor',
        existing: 'value.existing',
        planned: 'value.planned',
        candidate: 'value.candidate',
      };
      const kind = valueKeys[String(properties.kind)];
      if (kind) add('popup.kind', t(kind));
      add('popup.band', properties.band);
      add('popup.height', properties.heightM, 'unit.m');
      const status = valueKeys[String(properties.status)];
      if (status) add('popup.status', t(status));
      if (typeof properties.adcode === 'string')
        add('popup.district', districtName(properties.adcode, language));
      add('popup.source', t(properties.imported === true ? 'source.imported' : 'source.sites'));
      break;
    }
    case 'poles':
      add('popup.id', properties.id);
      add('popup.height', properties.heightM, 'unit.m');
      if (typeof properties.adcode === 'string')
        add('popup.district', districtName(properties.adcode, language));
      add('popup.source', t(properties.imported === true ? 'source.imported' : 'source.poles'));
      break;
    case 'metro':
      add('popup.nameZh', properties.name);
      add('popup.pinyin', properties.pinyin);
      add(
        'popup.lines',
        list(properties.lines)
          .map((line) => (language === 'en' ? metroLineNameEn(line) : line))
          .join(', '),
      );
      add('popup.source', t('source.metro'));
      add('popup.precision', t('precision.metroStations'));
      notes.push(t('popup.schematic'));
      break;
  }
  // Imported features sit in the sample layers but are the planner's own data, not samples.
  if ((definition.sample && properties.imported !== true) || properties.synthetic === true)
    notes.push(t('popup.sampleData'));
  return {
    // Stations carry pinyin, not English: the English UI titles them in it.
    title:
      layerId === 'metro'
        ? ((language === 'en' ? metroStationNameEn(properties.pinyin) : undefined) ??
          text(properties.name) ??
          title)
        : title,
    layerLabel: t(definition.labelKey),
    rows,
    notes,
  };
}
