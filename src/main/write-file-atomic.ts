import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes to a temporary file beside the target, then renames it over the target: a full disk
 * or a crash leaves the previous file intact instead of a half-written one.
 */
export async function writeFileAtomic(filePath: string, bytes: Uint8Array): Promise<void> {
  const partial = `${filePath}.${process.pid}.partial`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, filePath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
