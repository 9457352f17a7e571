import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { entryLabel } from '@renderer/features/contacts/detail/entry-label';
import { catalogues } from '@shared/i18n/catalogues';

describe('entryLabel', () => {
  it('shows the kinds phones write in the UI language, and a typed label as it is', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ar', resources: { ar: { translation: catalogues.ar } } });
    expect(entryLabel(i18n.t, 'work')).toBe('العمل');
    expect(entryLabel(i18n.t, 'CELL')).toBe('الجوال');
    expect(entryLabel(i18n.t, 'Home')).toBe('المنزل');
    expect(entryLabel(i18n.t, 'Campaigns')).toBe('Campaigns');
    expect(entryLabel(i18n.t, undefined)).toBeUndefined();
  });
});
