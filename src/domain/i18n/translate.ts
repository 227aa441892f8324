import { DICTIONARIES, LANGUAGES, type Language, type MessageKey } from './dictionaries';

export type { Dictionary, Language, MessageKey } from './dictionaries';
export { LANGUAGES } from './dictionaries';

/** The text for `key` in `language`, with `{name}` placeholders filled from `values`. */
export function translate(
  language: Language,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  const template = DICTIONARIES[language][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

/** True when `value` names a supported UI language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
