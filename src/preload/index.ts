/**
 * The only bridge between the sandboxed renderer and main: `window.tadamun`. It exposes
 * purpose-named calls, never ipcRenderer itself. Bundled into one file (sandboxed preload).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IpcChannel, type MenuCommand, type TadamunApi } from '@shared/ipc';

const api = {
  runtime: 'electron',
  saveFile: (request) => ipcRenderer.invoke(IpcChannel.saveFile, request),
  setUiLanguage: (language) => ipcRenderer.invoke(IpcChannel.setUiLanguage, language),
  hideWindow: () => ipcRenderer.invoke(IpcChannel.hideWindow),
  clearClipboardIfCopied: (sha256Hex) =>
    ipcRenderer.invoke(IpcChannel.clearClipboardIfCopied, sha256Hex),
  setContentProtection: (enabled) => ipcRenderer.invoke(IpcChannel.setContentProtection, enabled),
  rememberCopied: (sha256Hex) => ipcRenderer.invoke(IpcChannel.rememberCopied, sha256Hex),
  eraseAppStorage: () => ipcRenderer.invoke(IpcChannel.eraseAppStorage),
  notifyDue: (request) => ipcRenderer.invoke(IpcChannel.notifyDue, request),
  readKeyFile: () => ipcRenderer.invoke(IpcChannel.readKeyFile),
  writeKeyFile: (bytes) => ipcRenderer.invoke(IpcChannel.writeKeyFile, bytes),
  eraseKeyFile: () => ipcRenderer.invoke(IpcChannel.eraseKeyFile),
  deriveArgon2id: (request) => ipcRenderer.invoke(IpcChannel.deriveArgon2id, request),
  setCoalitionOrigins: (remotes) => ipcRenderer.invoke(IpcChannel.setCoalitionOrigins, remotes),
  coalitionFetch: (request) => ipcRenderer.invoke(IpcChannel.coalitionFetch, request),
  onMenuCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(IpcChannel.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(IpcChannel.menuCommand, forward);
    };
  },
} satisfies TadamunApi;

contextBridge.exposeInMainWorld('tadamun', api);
