import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel, type SaveFileOutcome } from '@shared/ipc';
import { z } from 'zod';
import { handleValidated } from '@main/ipc/handle-validated';
import { registerSaveFile } from '@main/ipc/save-file';
import { dialog, resetElectronDouble } from '../../../helpers/electron-double';
import { invoke, OWN_FRAME, trusted, validSave } from './frames';

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
