import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes to a temporary file beside the target, flushes it to the disk, then renames it over
 * the target and flushes the folder: a full disk, a crash or a power cut leaves the previous
 * file intact instead of a half-written or empty one.
 */
export async function writeFileAtomic(
  filePath: string,
  bytes: Uint8Array,
  { mode = 0o666 }: { mode?: number } = {},
): Promise<void> {
  const partial = `${filePath}.${process.pid}.partial`;
  try {
    const handle = await open(partial, 'w', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, filePath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(filePath));
}

/** Makes a rename or a deletion in `folder` durable; Windows cannot open folders, so it skips. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported here (Windows, some file systems): the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}
