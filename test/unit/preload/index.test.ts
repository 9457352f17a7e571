import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ElectronDouble from '../../helpers/electron-double';
import { IpcChannel, type TadamunApi } from '@shared/ipc';

type Double = typeof ElectronDouble;
let contextBridge: Double['contextBridge'];
let ipcRenderer: Double['ipcRenderer'];

async function loadBridge(): Promise<TadamunApi> {
  await import('@preload/index');
  const api = contextBridge.exposed.get('tadamun') as TadamunApi | undefined;
  if (!api) throw new Error('preload exposed no tadamun API');
  return api;
}

describe('preload bridge', () => {
  beforeEach(async () => {
    vi.resetModules();
    ({ contextBridge, ipcRenderer } = await import('../../helpers/electron-double'));
  });

  it('exposes exactly one object with purpose-named calls and no ipcRenderer', async () => {
    const api = await loadBridge();
    expect([...contextBridge.exposed.keys()]).toEqual(['tadamun']);
    expect(Object.keys(api).sort()).toEqual([
      'clearClipboardIfCopied',
      'coalitionFetch',
      'deriveArgon2id',
      'eraseAppStorage',
      'eraseKeyFile',
      'hideWindow',
      'notifyDue',
      'onMenuCommand',
      'readKeyFile',
      'rememberCopied',
      'runtime',
      'saveFile',
      'setCoalitionOrigins',
      'setContentProtection',
      'setUiLanguage',
      'writeKeyFile',
    ]);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('forwards calls to their channels', async () => {
    const api = await loadBridge();
    const request = { suggestedName: 'a.docx', bytes: new Uint8Array([1]), filters: [] };
    await api.saveFile(request);
    await api.setUiLanguage('ar');
    const due = { title: 'Tadamun', body: 'Due today: 2', count: 2 };
    await api.notifyDue(due);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IpcChannel.notifyDue, due);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IpcChannel.saveFile, request);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IpcChannel.setUiLanguage, 'ar');
    const argon2id = {
      password: new Uint8Array([1]),
      salt: new Uint8Array(16),
      memoryKiB: 65_536,
      iterations: 3,
      parallelism: 1,
      tagLength: 32,
    };
    await api.deriveArgon2id(argon2id);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IpcChannel.deriveArgon2id, argon2id);
    const remotes = [{ url: 'https://couch.example.org', database: 'coalition-a' }];
    await api.setCoalitionOrigins(remotes);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IpcChannel.setCoalitionOrigins, remotes);
    const fetchRequest = {
      url: 'https://couch.example.org/coalition-a/_changes',
      method: 'GET' as const,
      headers: { accept: 'application/json' },
      body: null,
    };
    await api.coalitionFetch(fetchRequest);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IpcChannel.coalitionFetch, fetchRequest);
  });

  it('forwards hideWindow, the clipboard calls, eraseAppStorage and content protection with nothing extra', async () => {
    const api = await loadBridge();
    const digest = 'ab'.repeat(32);
    await api.hideWindow();
    await api.clearClipboardIfCopied(digest);
    await api.eraseAppStorage();
    await api.rememberCopied(digest);
    await api.setContentProtection(true);
    // Exactly the channel (and the digest): no event object, no argument the renderer did not pass.
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IpcChannel.hideWindow],
      [IpcChannel.clearClipboardIfCopied, digest],
      [IpcChannel.eraseAppStorage],
      [IpcChannel.rememberCopied, digest],
      [IpcChannel.setContentProtection, true],
    ]);
  });

  it('forwards the key file calls: the bytes to write, and nothing else (never a path)', async () => {
    const api = await loadBridge();
    const bytes = new Uint8Array([123, 125]);
    await api.readKeyFile();
    await api.writeKeyFile(bytes);
    await api.eraseKeyFile();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IpcChannel.readKeyFile],
      [IpcChannel.writeKeyFile, bytes],
      [IpcChannel.eraseKeyFile],
    ]);
  });

  it('delivers menu commands without the event object, and unsubscribes', async () => {
    const api = await loadBridge();
    const seen: unknown[] = [];
    const unsubscribe = api.onMenuCommand((command) => seen.push(command));
    ipcRenderer.emit(
      IpcChannel.menuCommand,
      { sender: 'secret' },
      { type: 'navigate', route: 'settings' },
    );
    unsubscribe();
    ipcRenderer.emit(IpcChannel.menuCommand, {}, { type: 'navigate', route: 'letters' });
    expect(seen).toEqual([{ type: 'navigate', route: 'settings' }]);
  });
});
