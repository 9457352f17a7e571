import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel, type IpcResult, type SaveFileOutcome } from '@shared/ipc';
import { z } from 'zod';
import { handleValidated, senderFromOrigins } from '@main/ipc/handle-validated';
import { registerSaveFile } from '@main/ipc/save-file';
import { registerUiLanguage } from '@main/ipc/ui-language';
import { dialog, ipcMain, resetElectronDouble } from '../../../helpers/electron-double';

const trusted = senderFromOrigins(['app://tadamun']);

function eventFrom(url: string, parent: unknown = null) {
  return { sender: {}, senderFrame: { url, parent } };
}
const OWN_FRAME = eventFrom('app://tadamun/index.html#/letters');

async function invoke<T>(channel: string, event: unknown, payload: unknown): Promise<IpcResult<T>> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, payload)) as IpcResult<T>;
}

const validSave = () => ({
  suggestedName: '2026-11-25 Letter to Sen. Haddad.docx',
  bytes: new Uint8Array([80, 75, 3, 4]),
  filters: [{ name: 'Word document', extensions: ['docx'] }],
});

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

describe('saveFile', () => {
  let dir: string;
  beforeEach(async () => {
    resetElectronDouble();
    registerSaveFile(trusted);
    dir = await mkdtemp(path.join(tmpdir(), 'tadamun-save-'));
  });

  it.each([
    ['a path instead of a name', { suggestedName: '../../.bashrc' }, 'suggestedName'],
    ['a Windows path', { suggestedName: 'C:\\Users\\x.docx' }, 'suggestedName'],
    ['an empty name', { suggestedName: '  ' }, 'suggestedName'],
    ['a name of dots', { suggestedName: '..' }, 'suggestedName'],
    ['a control character', { suggestedName: 'a\u0007.docx' }, 'suggestedName'],
    ['bytes as a string', { bytes: 'PK' }, 'bytes'],
    ['bytes as a plain array', { bytes: [80, 75] }, 'bytes'],
    ['a bad extension', { filters: [{ name: 'x', extensions: ['*'] }] }, 'filters'],
    ['an extra field', { path: '/etc/passwd' }, 'payload'],
  ])('rejects %s', async (_label, change, field) => {
    const result = await invoke(IpcChannel.saveFile, OWN_FRAME, { ...validSave(), ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toContain(field === 'payload' ? 'Unrecognized key' : field);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('rejects a missing payload', async () => {
    const result = await invoke(IpcChannel.saveFile, OWN_FRAME, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('writes the bytes where the user chose and reports only the file name', async () => {
    const target = path.join(dir, 'letter.docx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await invoke<SaveFileOutcome>(IpcChannel.saveFile, OWN_FRAME, validSave());
    expect(result).toEqual({ ok: true, value: { saved: true, fileName: 'letter.docx' } });
    expect([...(await readFile(target))]).toEqual([80, 75, 3, 4]);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: '2026-11-25 Letter to Sen. Haddad.docx',
        filters: [{ name: 'Word document', extensions: ['docx'] }],
      }),
    );
  });

  it('writes nothing when the user cancels', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    const result = await invoke(IpcChannel.saveFile, OWN_FRAME, validSave());
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a write refused for lack of room as disk-full, other failures as failed', async () => {
    const noRoom = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    handleValidated('test:write', z.null(), trusted, () => {
      throw noRoom;
    });
    handleValidated('test:other', z.null(), trusted, () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(await invoke('test:write', OWN_FRAME, null)).toEqual({
      ok: false,
      error: { code: 'disk-full', message: 'ENOSPC: no space left on device, write' },
    });
    expect(await invoke('test:other', OWN_FRAME, null)).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });

  it('reports a failed write and leaves the previous file whole', async () => {
    const target = path.join(dir, 'missing-folder', 'letter.docx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const failed = await invoke(IpcChannel.saveFile, OWN_FRAME, validSave());
    expect(failed).toMatchObject({ ok: false, error: { code: 'failed', message: /ENOENT/ } });

    const existing = path.join(dir, 'existing.docx');
    await writeFile(existing, 'previous letter');
    // A directory where the temporary file would go makes the write fail half-way.
    const { mkdir } = await import('node:fs/promises');
    await mkdir(`${existing}.${process.pid}.partial`);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: existing });
    const result = await invoke(IpcChannel.saveFile, OWN_FRAME, validSave());
    expect(result.ok).toBe(false);
    expect(await readFile(existing, 'utf8')).toBe('previous letter');
  });
});

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
