import { describe, expect, it } from 'vitest';
import { catalogues, formatMessage } from '@shared/i18n/catalogues';
import { UI_LANGUAGES } from '@shared/i18n/languages';
import { pluralKey } from '@shared/i18n/plurals';

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entries(value, `${prefix}${key}.`),
  );
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** A key with its plural form left out: languages differ in how many forms they have. */
const baseOf = (key: string) => pluralKey(key)?.base ?? key;

describe('catalogues', () => {
  const english = new Map(entries(catalogues.en));

  it.each(UI_LANGUAGES)('%s has every English key, no more, none empty', (language) => {
    const own = new Map(entries(catalogues[language]));
    const bases = (keys: Iterable<string>) => [...new Set([...keys].map(baseOf))].sort();
    expect(bases(own.keys())).toEqual(bases(english.keys()));
    for (const [key, text] of own) expect(text.trim(), key).not.toBe('');
  });

  it.each(UI_LANGUAGES)('%s keeps the placeholders of each English message', (language) => {
    for (const [key, text] of entries(catalogues[language])) {
      const plural = pluralKey(key);
      if (!plural) {
        expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
        continue;
      }
      // A plural form may leave the number out ("رسالة واحدة"), never add another placeholder.
      const other = placeholders(english.get(`${plural.base}_other`) ?? '');
      for (const name of placeholders(text)) expect(other, key).toContain(name);
    }
  });

  it('Arabic is really translated: screen texts are in Arabic script', () => {
    const arabic = new Map(entries(catalogues.ar));
    for (const [key, text] of arabic) {
      if (key.startsWith('languages.')) continue;
      expect(text, key).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Version {{version}}.', { version: '1.2' })).toBe('Version 1.2.');
    expect(formatMessage('{{missing}} here')).toBe('{{missing}} here');
  });
});
