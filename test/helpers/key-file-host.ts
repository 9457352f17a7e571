/**
 * Lets an e2e test play the desktop app's main process for the key file: the browser build's
 * adapter then reads, replaces and erases a real file through main's own code
 * (src/main/key-file.ts) instead of a local-storage item, so a scan of the profile sees what
 * the desktop app leaves on disk.
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { eraseKeyFile, keyFilePath, readKeyFile, writeKeyFile } from '@main/key-file';

/** Exposes the host to every page of `context`; the key file lives in `folder`. Its path. */
export async function hostKeyFile(context: BrowserContext, folder: string): Promise<string> {
  const file = keyFilePath(path.resolve(folder));
  await context.exposeFunction(
    'tadamunKeyFileHost',
    async (operation: 'read' | 'write' | 'erase', text?: string): Promise<string | null> => {
      if (operation === 'read') {
        const bytes = await readKeyFile(file);
        return bytes && Buffer.from(bytes).toString('utf8');
      }
      if (operation === 'write') await writeKeyFile(file, Buffer.from(text ?? '', 'utf8'));
      else await eraseKeyFile(file);
      return null;
    },
  );
  return file;
}
