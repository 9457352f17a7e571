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

/** Placeholders that hold no count: words (a name, a reason, a shortcut, a date, a list of fields) or a row's position. */
const NOT_COUNTS = new Set([
  ...['name', 'what', 'kind', 'stance', 'reason', 'message', 'where', 'shortcut', 'tag'],
  ...['size', 'limit', 'row', 'when', 'fields', 'servers'],
]);
/** Words after a count that keep one form: "of", "more", "for", "and", "MB", "من", "أخرى"… */
const INVARIANT_AFTER =
  /^(?:(?:of|more|selected|for|against|and|MB|من|أخرى|ميغابايت|على|مع|ضد)(?!\p{L})|غير)/u;

/**
 * The counts of a message written next to a word ("{{n}} contacts", "of {{total}} targets",
 * "{{max}} حرفًا") or in brackets after one ("All contacts ({{n}})"): each needs the word's
 * plural forms. "Label: {{n}}", "{{done}} of {{total}}" and "{{size}} MB" do not.
 */
function countsBesideWords(message: string): string[] {
  const names = [
    ...[...message.matchAll(/\{\{\s*(\w+)\s*\}\}\s+(?=\p{L})/gu)].filter(
      (match) => !INVARIANT_AFTER.test(message.slice(match.index + match[0].length)),
    ),
    ...message.matchAll(/\p{L}\s*\(\{\{\s*(\w+)\s*\}\}\)/gu),
  ].map((match) => match[1] ?? '');
  return [...new Set(names)].filter((name) => !NOT_COUNTS.has(name));
}

async function instance() {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'ar',
    resources: { ar: { translation: catalogues.ar }, en: { translation: catalogues.en } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

describe('plural forms', () => {
  it.each(UI_LANGUAGES)(
    '%s: every message with a count beside a word is split by it',
    (language) => {
      const unsplit = messagesOf(catalogues[language])
        .filter(([key, message]) => !pluralKey(key) && countsBesideWords(message).length > 0)
        .map(([key]) => key);
      expect(unsplit).toEqual([]);
    },
  );

  it.each(UI_LANGUAGES)(
    '%s: a message with several counts takes each from its own plural forms',
    (language) => {
      // i18next chooses a form by one `count`: a second count beside a word keeps one form.
      const several = messagesOf(catalogues[language])
        .filter(([key, message]) => pluralKey(key) && countsBesideWords(message).length > 1)
        .map(([key]) => key);
      expect(several).toEqual([]);
    },
  );

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
    const i18n = await instance();
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

  it('gives each count of the merge its own form', async () => {
    const i18n = await instance();
    const moves = (interactions: number, targets: number, letters: number, tasks: number) => {
      const part = (what: 'interactions' | 'targets' | 'letters' | 'tasks', count: number) =>
        i18n.t(`directory.duplicates.moved.${what}`, { count, n: String(count) });
      return i18n.t('directory.duplicates.moves', {
        interactions: part('interactions', interactions),
        targets: part('targets', targets),
        letters: part('letters', letters),
        tasks: part('tasks', tasks),
      });
    };
    expect(moves(1, 2, 3, 11)).toBe(
      'يُنقل إلى جهة الاتصال الباقية: تواصل واحد، واستهدافان في الحملات، و3 رسائل، و11 مهمة.',
    );
    expect(moves(0, 100, 1, 2)).toBe(
      'يُنقل إلى جهة الاتصال الباقية: لا تواصلات، و100 استهداف في الحملات، ورسالة واحدة، ومهمتان.',
    );
    await i18n.changeLanguage('en');
    expect(moves(1, 2, 1, 0)).toBe(
      'Moved to the kept contact: 1 interaction, 2 campaign targets, 1 letter, 0 tasks.',
    );
  });
});
