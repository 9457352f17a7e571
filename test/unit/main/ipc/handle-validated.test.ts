import { beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { registerSaveFile } from '@main/ipc/save-file';
import { dialog, resetElectronDouble } from '../../../helpers/electron-double';
import { eventFrom, invoke, OWN_FRAME, trusted, validSave } from './frames';

describe('IPC sender validation', () => {
  beforeEach(resetElectronDouble);

  it('trusts only the top frame of the app origin', () => {
    expect(trusted(OWN_FRAME as never)).toBe(true);
    expect(trusted(eventFrom('https://evil.example/') as never)).toBe(false);
    expect(trusted(eventFrom('app://evil/index.html') as never)).toBe(false);
    expect(trusted(eventFrom('file:///tmp/x.html') as never)).toBe(false);
    expect(trusted(eventFrom('app://tadamun/index.html', {}) as never)).toBe(false);
    expect(trusted({ sender: {}, senderFrame: null } as never)).toBe(false);
    expect(trusted(eventFrom('::not a url') as never)).toBe(false);
  });

  it('rejects an unknown sender before looking at the payload or opening a dialog', async () => {
    registerSaveFile(trusted);
    const result = await invoke(
      IpcChannel.saveFile,
      eventFrom('https://evil.example/'),
      validSave(),
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: expect.any(String) },
    });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
