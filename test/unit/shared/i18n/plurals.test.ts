import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@shared/i18n/catalogues';
import { UI_LANGUAGES } from '@shared/i18n/languages';
import { pluralForms, pluralKey } from '@shared/i18n/plurals';

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

/** Messages English splits by count: the count-bearing keys. */
const countBearing = [
  ...new Set(keysOf(catalogues.en).flatMap((key) => pluralKey(key)?.base ?? [])),
];

const messagesOf = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : messagesOf(value, `${prefix}${key}.`),
  );

/**
 * A count written next to a word ("{{n}} contacts", "of {{total}} targets", "Add {{n}}
 * legislators") or in brackets after one ("All contacts ({{n}})") needs the word's plural
 * forms; "Label: {{n}}" and "{{done}} of {{total}}" do not.
 */
const COUNT_BESIDE_WORD =
  /\{\{\s*(?:n|count|total|number|weeks)\s*\}\}\s+(?!of\b|more\b|selected\b)\p{L}|\p{L}\s*\(\{\{\s*(?:n|count)\s*\}\}\)/u;

describe('plural forms', () => {
  it('are used by every message with a count beside a word', () => {
    const unsplit = messagesOf(catalogues.en)
      .filter(([key, message]) => !pluralKey(key) && COUNT_BESIDE_WORD.test(message))
      .map(([key]) => key);
    expect(unsplit).toEqual([]);
  });

  it('are used for the counts of the generate dialog, targets and the import', () => {
    expect(countBearing).toEqual(
      expect.arrayContaining([
        'writer.generate.start',
        'planner.targets.matching',
        'transfer.import.summary.rows',
        'contactBook.list.showing',
        'directory.directory.add',
        'planner.whip.summary',
        'transfer.export.scopeAll',
        'transfer.export.scopeSelected',
      ]),
    );
  });

  it.each(UI_LANGUAGES)(
    '%s has every form its plural rules need, for every counted message',
    (language) => {
      const keys = new Set(keysOf(catalogues[language]));
      const forms = pluralForms(language);
      expect(forms.length).toBeGreaterThanOrEqual(2);
      for (const base of countBearing) {
        for (const form of forms) expect(keys.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
      }
    },
  );

  it('chooses the Arabic forms: zero, one, two, few, many', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'ar',
      resources: { ar: { translation: catalogues.ar }, en: { translation: catalogues.en } },
      interpolation: { escapeValue: false },
    });
    const start = (count: number) => i18n.t('writer.generate.start', { count, n: String(count) });
    expect(start(1)).toBe('إنشاء رسالة واحدة');
    expect(start(2)).toBe('إنشاء رسالتين');
    expect(start(3)).toBe('إنشاء 3 رسائل');
    expect(start(11)).toBe('إنشاء 11 رسالة');
    expect(start(100)).toBe('إنشاء 100 رسالة');
    await i18n.changeLanguage('en');
    expect(start(1)).toBe('Generate 1 letter');
    expect(start(3)).toBe('Generate 3 letters');
  });
});
