import { describe, expect, it } from 'vitest';
import { freshDataCore } from '../../../../helpers/fresh-data-core';

describe('settings', () => {
  it('has defaults, and keeps changes', async () => {
    const { core, reopen } = await freshDataCore();
    // The paper is unset until chosen: the letter run picks it (defaultLetterPaper).
    expect(core.settings.get()).toMatchObject({ arabicDigits: 'latin' });
    expect(core.settings.get().letterPaper).toBeUndefined();
    await core.settings.update({
      letterPaper: 'letter',
      organizationProfile: { name: 'تضامن بيروت', addressLines: ['ص.ب. 1234'] },
    });
    expect((await reopen()).settings.get()).toMatchObject({
      letterPaper: 'letter',
      organizationProfile: { name: 'تضامن بيروت', addressLines: ['ص.ب. 1234'] },
    });
    await expect(
      core.settings.update({ organizationProfile: { email: 'nope', addressLines: [] } }),
    ).rejects.toThrow(/organizationProfile.email: not a valid email address/);
  });
});
