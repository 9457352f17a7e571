import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { MAX_KEY_FILE_BYTES } from '@shared/ipc-schemas';
import { registerKeyFile } from '@main/ipc/key-file';
import { keyFileKeeper, type KeyFileKeeper } from '@main/key-file';
import { resetElectronDouble } from '../../../helpers/electron-double';
import { eventFrom, FOREIGN_SENDERS, invoke, openWindow, trusted } from './windows';

const BYTES = new TextEncoder().encode('{"format":"tadamun-keyfile"}');

describe('key file IPC', () => {
  let folder: string;
  let keyFile: KeyFileKeeper;
  beforeEach(() => {
    resetElectronDouble();
    folder = mkdtempSync(path.join(tmpdir(), 'tadamun-keyfile-ipc-'));
    keyFile = keyFileKeeper(path.join(folder, 'tadamun.keyfile'));
    registerKeyFile(trusted, keyFile);
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads nothing at first, then what was written, until it is erased', async () => {
    const event = eventFrom(openWindow());
    expect(await invoke(IpcChannel.readKeyFile, event)).toEqual({ ok: true, value: null });
    expect(await invoke(IpcChannel.writeKeyFile, event, BYTES)).toEqual({ ok: true, value: null });
    expect(readFileSync(keyFile.path)).toEqual(Buffer.from(BYTES));
    expect(await invoke(IpcChannel.readKeyFile, event)).toEqual({ ok: true, value: BYTES });
    expect(await invoke(IpcChannel.eraseKeyFile, event)).toEqual({ ok: true, value: null });
    expect(await invoke(IpcChannel.readKeyFile, event)).toEqual({ ok: true, value: null });
  });

  it.each(FOREIGN_SENDERS)(
    'refuses %s: reads, writes and erases nothing',
    async (_l, url, parent) => {
      writeFileSync(keyFile.path, BYTES);
      const event = eventFrom(openWindow(), url, parent);
      for (const [channel, payload] of [
        [IpcChannel.readKeyFile, undefined],
        [IpcChannel.writeKeyFile, new Uint8Array([1, 2, 3])],
        [IpcChannel.eraseKeyFile, undefined],
      ] as const) {
        const result = await invoke(channel, event, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
        // A refused read returns no byte of the file.
        expect(JSON.stringify(result)).not.toContain('value');
      }
      expect(readFileSync(keyFile.path)).toEqual(Buffer.from(BYTES));
    },
  );

  it.each([
    ['a string', 'tadamun-keyfile'],
    ['an array of numbers', [1, 2, 3]],
    ['an empty file', new Uint8Array()],
    ['a file over the limit', new Uint8Array(MAX_KEY_FILE_BYTES + 1)],
    ['nothing', undefined],
  ])('refuses to write %s and keeps the file', async (_label, payload) => {
    writeFileSync(keyFile.path, BYTES);
    const result = await invoke(IpcChannel.writeKeyFile, eventFrom(openWindow()), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(readFileSync(keyFile.path)).toEqual(Buffer.from(BYTES));
  });

  it.each([
    ['a path', '/etc/passwd'],
    ['an object', { path: '../other' }],
  ])('read and erase take no argument (%s is refused)', async (_label, payload) => {
    writeFileSync(keyFile.path, BYTES);
    const event = eventFrom(openWindow());
    for (const channel of [IpcChannel.readKeyFile, IpcChannel.eraseKeyFile]) {
      expect(await invoke(channel, event, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(readFileSync(keyFile.path)).toEqual(Buffer.from(BYTES));
  });
});
