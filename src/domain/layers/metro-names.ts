/**
 * English names of metro stations and lines for the English UI. The station data carries pinyin
 * (lower case, syllables run together, a digit where two stations share one), not the operator's
 * English names, so a station reads in capitalised pinyin ("xujiahui" → "Xujiahui"); lines follow the
 * operator's English ("1号线" → "Line 1").
 */
const NAMED_LINES: Readonly<Record<string, string>> = {
  浦江线: 'Pujiang Line',
  磁浮线: 'Maglev Line',
  金山铁路: 'Jinshan Railway',
  市域机场线: 'Airport Link Line',
};

/** The station's pinyin, capitalised and without its disambiguating digit; undefined without pinyin. */
export function metroStationNameEn(pinyin: unknown): string | undefined {
  if (typeof pinyin !== 'string') return undefined;
  const letters = pinyin.trim().replace(/\d+$/, '');
  if (letters === '') return undefined;
  return letters.charAt(0).toUpperCase() + letters.slice(1);
}

/** A line's English name ("1号线" → "Line 1"); an unknown name is kept as it is. */
export function metroLineNameEn(line: string): string {
  const numbered = /^(\d+)号线$/.exec(line);
  if (numbered) return `Line ${numbered[1]}`;
  return NAMED_LINES[line] ?? line;
}
