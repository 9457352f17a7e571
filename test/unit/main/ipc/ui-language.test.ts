import { beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { registerUiLanguage } from '@main/ipc/ui-language';
import { resetElectronDouble } from '../../../helpers/electron-double';
import { eventFrom, invoke, OWN_FRAME, trusted } from './frames';

describe('setUiLanguage', () => {
  beforeEach(resetElectronDouble);

  it('accepts a supported language and tells main', async () => {
    const seen: string[] = [];
    registerUiLanguage(trusted, (language) => seen.push(language));
    expect(await invoke(IpcChannel.setUiLanguage, OWN_FRAME, 'ar')).toEqual({
      ok: true,
      value: null,
    });
    expect(seen).toEqual(['ar']);
  });

  it('rejects unknown languages, other types and unknown senders', async () => {
    const seen: string[] = [];
    registerUiLanguage(trusted, (language) => seen.push(language));
    for (const payload of ['xx', 'AR', 42, { language: 'ar' }, null]) {
      const result = await invoke(IpcChannel.setUiLanguage, OWN_FRAME, payload);
      expect(result, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    const foreign = await invoke(IpcChannel.setUiLanguage, eventFrom('https://x.org/'), 'ar');
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(seen).toEqual([]);
  });
});
