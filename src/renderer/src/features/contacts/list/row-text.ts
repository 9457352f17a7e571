/**
 * The contact list's words in one language, looked up once per language: an i18next `t` call
 * costs microseconds, and each query or scroll step draws a few hundred cells.
 */
import type { TFunction } from 'i18next';
import { CHAMBERS, CONTACT_KINDS, type Contact } from '@core/domain/contact';

type Chamber = NonNullable<Contact['chamber']>;

export interface RowText {
  kind: Record<Contact['kind'], string>;
  chamber: Record<Chamber, string>;
  doNotContact: string;
  doNotContactHint: string;
  sensitive: string;
  sensitiveHint: string;
  /** Tooltip of a name that is a code name. */
  codeName: string;
  selectRow(name: string): string;
  moreTags(n: number): string;
}

/** A message with one placeholder, as a function: the message split around a marker. */
function withOne(message: (value: string) => string): (value: string) => string {
  const marker = '\u0000';
  const parts = message(marker).split(marker);
  if (parts.length !== 2) return message;
  const [before = '', after = ''] = parts;
  return (value) => before + value + after;
}

const lookUp = <K extends string>(keys: readonly K[], word: (key: K) => string) =>
  Object.fromEntries(keys.map((key) => [key, word(key)])) as Record<K, string>;

export function rowTextOf(t: TFunction): RowText {
  const selectRow = withOne((name) => t('contactBook.list.selectRow', { name }));
  const moreTags = withOne((n) => t('contactBook.list.moreTags', { n }));
  return {
    kind: lookUp(CONTACT_KINDS, (kind) => t(`contactBook.kinds.${kind}`)),
    chamber: lookUp(CHAMBERS, (chamber) => t(`contactBook.chambers.${chamber}`)),
    doNotContact: t('contactBook.flags.doNotContact'),
    doNotContactHint: t('contactBook.flags.doNotContactHint'),
    codeName: t('contactBook.fields.codeName'),
    sensitive: t('contactBook.flags.sensitive'),
    sensitiveHint: t('contactBook.flags.sensitiveHint'),
    selectRow,
    moreTags: (n) => moreTags(String(n)),
  };
}
