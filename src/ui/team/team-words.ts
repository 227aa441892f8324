/** Words for what a revision or a side of a conflict did, from its counts. */
import type { MessageKey } from '../../domain/i18n/translate';
import type { DeltaCounts } from '../../domain/sync/delta-summary';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const PARTS: [Exclude<keyof DeltaCounts, 'renamed'>, MessageKey][] = [
  ['added', 'team.counts.added'],
  ['moved', 'team.counts.moved'],
  ['edited', 'team.counts.edited'],
  ['deleted', 'team.counts.deleted'],
  ['removed', 'team.counts.removed'],
  ['restored', 'team.counts.restored'],
  ['imported', 'team.counts.imported'],
  ['poles', 'team.counts.poles'],
];

/** "新增 2、移动 1" / "2 added, 1 moved"; "无改动" when nothing. */
export function describeCounts(t: Translate, counts: DeltaCounts | undefined): string {
  if (!counts) return t('team.counts.none');
  const parts = PARTS.filter(([key]) => counts[key] > 0).map(([key, message]) =>
    t(message, { count: counts[key] }),
  );
  if (counts.renamed) parts.push(t('team.counts.renamed'));
  return parts.length > 0 ? parts.join(t('team.counts.separator')) : t('team.counts.none');
}

/** The district's name in the UI language, or its adcode when unknown. */
export function districtLabel(
  adcode: string | null | undefined,
  names: ReadonlyMap<string, { name: string; nameEn: string }>,
  language: 'zh' | 'en',
): string {
  if (!adcode) return '';
  const known = names.get(adcode);
  return known ? (language === 'zh' ? known.name : known.nameEn) : adcode;
}

/** A local date-time for lists ("2026-12-04 10:42"). */
export function shortTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
