/**
 * A stored label as the UI shows it: the kinds phones and mail programs write ("work",
 * "HOME", "CELL", "_$!<Mobile>!$_" read as "mobile") in the UI language, any other label the
 * user typed as it is.
 */
import type { TFunction } from 'i18next';

const KNOWN = ['work', 'home', 'mobile', 'fax', 'pager', 'other', 'main', 'homepage'] as const;
type KnownLabel = (typeof KNOWN)[number];
const SYNONYMS: Readonly<Record<string, KnownLabel>> = { cell: 'mobile', business: 'work' };

export function entryLabel(t: TFunction, label: string | undefined): string | undefined {
  if (!label) return label;
  const key = label.trim().toLowerCase();
  const known = SYNONYMS[key] ?? (KNOWN as readonly string[]).find((word) => word === key);
  return known ? t(`contactBook.entryLabels.${known as KnownLabel}`) : label;
}
