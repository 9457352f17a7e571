import { beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { registerContentProtection } from '@main/ipc/content-protection';
import { resetElectronDouble } from '../../../helpers/electron-double';
import { eventFrom, FOREIGN_SENDERS, invoke, openWindow, trusted } from './windows';

describe('setContentProtection', () => {
  beforeEach(resetElectronDouble);

  it("turns screen-capture protection on and off for the sender's own window only", async () => {
    registerContentProtection(trusted);
    const other = openWindow();
    const window = openWindow();
    expect(await invoke(IpcChannel.setContentProtection, eventFrom(window), true)).toEqual({
      ok: true,
      value: null,
    });
    expect(window.contentProtected).toBe(true);
    expect(other.contentProtected).toBe(false);
    await invoke(IpcChannel.setContentProtection, eventFrom(window), false);
    expect(window.contentProtected).toBe(false);
  });

  it.each([
    ['a string', 'true'],
    ['nothing', undefined],
    ['a number', 1],
  ])('refuses %s', async (_label, payload) => {
    registerContentProtection(trusted);
    const window = openWindow();
    const result = await invoke(IpcChannel.setContentProtection, eventFrom(window), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(window.contentProtected).toBe(false);
  });

  it.each(FOREIGN_SENDERS)('refuses %s', async (_label, url, parent) => {
    registerContentProtection(trusted);
    const window = openWindow();
    const result = await invoke(
      IpcChannel.setContentProtection,
      eventFrom(window, url, parent),
      true,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(window.contentProtected).toBe(false);
  });
});
