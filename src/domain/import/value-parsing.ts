/**
 * Reading cell text as numbers, coordinates, bands and site kinds the way planners write them:
 * "35m", "120°", "121°28'30.5\"E", "3.5G", "n78", "2.6GHz", "700M", 宏站, 室分.
 */
import type { Band, SiteKind } from '../types';

/** The common case, read without normalising: "121.4737", "-5", "30". */
const PLAIN_NUMBER = /^-?\d{1,12}(\.\d{1,15})?$/;

/**
 * Longest cell read as a number, coordinate, band or kind. The longest real spelling is a DMS value
 * such as "121°28'30.123456\"E" (20 characters) or "NR 3.5GHz频段"; anything far longer is not a
 * value, and refusing it before any pattern runs keeps every parse linear in time, whatever a hostile
 * file puts in a cell (a patterns' backtracking on 200,000 digits would take minutes).
 */
export const MAX_VALUE_LENGTH = 64;

/** "121,4737" → "121.4737": semicolon-separated files from European-locale Excel use a decimal comma. */
function decimalComma(text: string): string {
  return /^\s*[-+]?\d+,\d+\s*$/.test(text) ? text.replace(',', '.') : text;
}

/** A number with an optional unit or degree sign ("35", "35m", "35 米", "120°"); undefined if not a number. */
export function parseNumberCell(text: string): number | undefined {
  if (text.length > MAX_VALUE_LENGTH) return undefined;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  const cleaned = decimalComma(text)
    .normalize('NFKC')
    .trim()
    .replace(/(m|米|度|°|deg|dbm|dbi)$/i, '')
    .trim();
  if (cleaned === '' || !/^[-+]?(\d+(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

const DMS =
  /^([-+])?(\d+(?:\.\d+)?)\s*[°度d:]\s*(?:(\d+(?:\.\d+)?)\s*['′分m:]?\s*)?(?:(\d+(?:\.\d+)?)\s*(?:["″秒s]|'')?\s*)?([NSEW])?$/i;

/**
 * A coordinate in decimal degrees: "121.4737", "121.4737E", "121°28'25.3\"", "121度28分25.3秒", "31 13 40 N"
 * is not accepted (ambiguous). Undefined when the text is not a coordinate.
 */
export function parseCoordinateCell(text: string): number | undefined {
  if (text.length > MAX_VALUE_LENGTH) return undefined;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  const cleaned = decimalComma(text.normalize('NFKC').trim());
  if (cleaned === '') return undefined;
  const hemisphere = /^(.*?)\s*([NSEWnsew])$/.exec(cleaned);
  const body = hemisphere ? hemisphere[1]! : cleaned;
  const sign = hemisphere && /[SWsw]/.test(hemisphere[2]!) ? -1 : 1;
  if (/^[-+]?(\d+(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(body)) {
    const value = Number(body);
    return Number.isFinite(value) ? sign * value : undefined;
  }
  const match = DMS.exec(body);
  if (!match) return undefined;
  const degrees = Number(match[2]);
  const minutes = match[3] === undefined ? 0 : Number(match[3]);
  const seconds = match[4] === undefined ? 0 : Number(match[4]);
  if (minutes >= 60 || seconds >= 60) return undefined;
  const value = degrees + minutes / 60 + seconds / 3600;
  return (match[1] === '-' ? -1 : 1) * sign * value;
}

/** Frequency ranges (MHz) of the NR bands the app models. */
const BAND_RANGES_MHZ: readonly { band: Band; low: number; high: number }[] = [
  { band: 'n28', low: 700, high: 803 },
  { band: 'n41', low: 2496, high: 2690 },
  { band: 'n78', low: 3300, high: 3800 },
  { band: 'n79', low: 4400, high: 5000 },
];

/**
 * A band from "n78", "NR 3.5G", "3.5GHz", "3500M", "2.6G", "700M", "4.9G"; undefined when the text
 * names no band the app models (e.g. "1.8G", an LTE band).
 */
export function parseBand(text: string): Band | undefined {
  if (text.length > MAX_VALUE_LENGTH) return undefined;
  return cached(BAND_CACHE, text, parseBandText);
}

/** A site list repeats a handful of band and kind spellings; remember them (bounded). */
const BAND_CACHE = new Map<string, Band | undefined>();
const KIND_CACHE = new Map<string, SiteKind | undefined>();
function cached<T>(
  cache: Map<string, T | undefined>,
  text: string,
  parse: (text: string) => T | undefined,
): T | undefined {
  if (cache.has(text)) return cache.get(text);
  const value = parse(text);
  if (cache.size < 1000) cache.set(text, value);
  return value;
}

function parseBandText(text: string): Band | undefined {
  const cleaned = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  const named = /^(?:nr)?n(\d{1,3})$/.exec(cleaned);
  if (named) {
    const band = `n${Number(named[1])}`;
    return BAND_RANGES_MHZ.find((range) => range.band === band)?.band;
  }
  // "5G" names the generation, not 5 GHz (which would otherwise read as the top of n79).
  if (cleaned === '5g' || cleaned === 'nr') return undefined;
  const frequency = /^(?:nr|5g)?(\d+(?:\.\d+)?)(ghz|g|mhz|m|兆)?(?:频段|赫兹)?$/.exec(cleaned);
  if (!frequency) return undefined;
  const value = Number(frequency[1]);
  const unit = frequency[2];
  const megahertz =
    unit === 'ghz' || unit === 'g' || (unit === undefined && value < 10) ? value * 1000 : value;
  return BAND_RANGES_MHZ.find((range) => megahertz >= range.low && megahertz <= range.high)?.band;
}

const KIND_WORDS: readonly { kind: SiteKind; words: readonly string[] }[] = [
  {
    kind: 'macro',
    words: ['宏站', '宏基站', '宏', '宏蜂窝', 'macro', 'macrocell', '铁塔站', '楼顶站', '室外宏站'],
  },
  {
    kind: 'micro',
    words: [
      '微站',
      '微基站',
      '微',
      '小站',
      '皮站',
      '微蜂窝',
      'micro',
      'microcell',
      'small cell',
      'smallcell',
      '杆站',
      '灯杆站',
      '室外微站',
    ],
  },
  {
    kind: 'indoor',
    words: ['室分', '室分站', '室内', '室内分布', '室内覆盖', 'indoor', 'das', 'lampsite', '室内站'],
  },
];

/** A site kind from 宏站/微站/室分 or macro/micro/indoor; undefined when the text is none of them. */
export function parseSiteKind(text: string): SiteKind | undefined {
  if (text.length > MAX_VALUE_LENGTH) return undefined;
  return cached(KIND_CACHE, text, parseSiteKindText);
}

function parseSiteKindText(text: string): SiteKind | undefined {
  const cleaned = text.normalize('NFKC').trim().toLowerCase();
  for (const entry of KIND_WORDS) if (entry.words.includes(cleaned)) return entry.kind;
  return undefined;
}
