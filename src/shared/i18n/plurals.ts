/**
 * Plural forms of count-bearing messages: i18next picks `key_one`, `key_few`… by the
 * language's rules (Intl.PluralRules) from the `count` option. English has one and other;
 * Arabic zero, one, two, few, many and other ("رسالة واحدة", "رسالتان", "٣ رسائل", "١١ رسالة").
 */
export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralSuffix = (typeof PLURAL_SUFFIXES)[number];

const PLURAL_KEY = /^(.*)_(zero|one|two|few|many|other)$/;

/** "writer.generate.start_few" → base "writer.generate.start", form "few". */
export function pluralKey(key: string): { base: string; form: PluralSuffix } | undefined {
  const match = PLURAL_KEY.exec(key);
  return match?.[1] ? { base: match[1], form: match[2] as PluralSuffix } : undefined;
}

/** The forms a language's plural rules can choose (its cardinal categories). */
export function pluralForms(language: string): PluralSuffix[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  return PLURAL_SUFFIXES.filter((form) => categories.includes(form));
}
