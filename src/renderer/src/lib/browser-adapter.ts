/**
 * Stands in for the preload bridge when the renderer runs in a plain browser (end-to-end
 * tests, `vite` preview): saving a file becomes a download, the rest has no native side.
 */
import type { IpcResult, SaveFileOutcome, SaveFileRequest, TadamunApi } from '@shared/ipc';

function download(request: SaveFileRequest): IpcResult<SaveFileOutcome> {
  const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or Chromium may cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: { saved: true, fileName: request.suggestedName } };
}

export function createBrowserAdapter(): TadamunApi {
  return {
    runtime: 'browser',
    saveFile: (request) => Promise.resolve(download(request)),
    setUiLanguage: () => Promise.resolve({ ok: true, value: null }),
    onMenuCommand: () => () => undefined,
  };
}
