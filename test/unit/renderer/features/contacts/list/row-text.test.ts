/** The words the contact list caches per language, which must read exactly as i18next's. */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { CHAMBERS, CONTACT_KINDS } from '@core/domain/contact';
import { catalogues } from '@shared/i18n/catalogues';
import { rowTextOf } from '@renderer/features/contacts/list/row-text';

async function translator(language: 'en' | 'ar'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: catalogues[language] } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('the list words', () => {
  it.each(['en', 'ar'] as const)('read as i18next gives them (%s)', async (language) => {
    const t = await translator(language);
    const text = rowTextOf(t);
    for (const kind of CONTACT_KINDS) expect(text.kind[kind]).toBe(t(`contactBook.kinds.${kind}`));
    for (const chamber of CHAMBERS)
      expect(text.chamber[chamber]).toBe(t(`contactBook.chambers.${chamber}`));
    expect(text.sensitiveHint).toBe(t('contactBook.flags.sensitiveHint'));
    expect(text.doNotContact).toBe(t('contactBook.flags.doNotContact'));
    for (const name of ['ليلى حداد', 'Dana $& {{name}} <b>', ''])
      expect(text.selectRow(name)).toBe(t('contactBook.list.selectRow', { name }));
    for (const n of [1, 12]) expect(text.moreTags(n)).toBe(t('contactBook.list.moreTags', { n }));
    expect(text.selectRow('X')).not.toBe('X');
  });
});
