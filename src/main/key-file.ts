/**
 * The key file on disk (wrapped data keys, KDF parameters, duress slot, lockout state; see
 * core's vault/key-file.ts), in the app's data folder, readable by the user only. Main owns
 * it: the renderer reads, replaces or erases it whole through three IPC calls.
 */
import { randomFillSync } from 'node:crypto';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { MAX_KEY_FILE_BYTES } from '@shared/ipc-schemas';
import { syncFolder, writeFileAtomic } from './write-file-atomic';

export const KEY_FILE_NAME = 'tadamun.keyfile';

export function keyFilePath(userDataFolder: string): string {
  return path.join(userDataFolder, KEY_FILE_NAME);
}

const isMissing = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ENOENT';

export async function readKeyFile(filePath: string): Promise<Uint8Array | null> {
  try {
    const bytes = await readFile(filePath);
    if (bytes.byteLength > MAX_KEY_FILE_BYTES) {
      throw new Error(`The key file is larger than ${MAX_KEY_FILE_BYTES} bytes: it was altered.`);
    }
    return new Uint8Array(bytes);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export function writeKeyFile(filePath: string, bytes: Uint8Array): Promise<void> {
  return writeFileAtomic(filePath, bytes, { mode: 0o600 });
}

/** Overwrites the file in place with random bytes of its length and flushes them. */
async function overwrite(filePath: string): Promise<void> {
  let handle;
  try {
    handle = await open(filePath, 'r+');
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const filler = new Uint8Array(size);
    randomFillSync(filler);
    await handle.write(filler, 0, size, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Overwrites the key file (and any partial write left beside it by a crash) with random
 * bytes, flushed to the disk, then deletes them. The disk itself may keep older blocks
 * (docs/security.md).
 */
export async function eraseKeyFile(filePath: string): Promise<void> {
  const folder = path.dirname(filePath);
  const prefix = `${path.basename(filePath)}.`;
  const partials = (await readdir(folder).catch(() => []))
    .filter((name) => name.startsWith(prefix) && name.endsWith('.partial'))
    .map((name) => path.join(folder, name));
  for (const file of [filePath, ...partials]) {
    await overwrite(file);
    await rm(file, { force: true });
  }
  await syncFolder(folder);
}

export interface KeyFileKeeper {
  readonly path: string;
  read(): Promise<Uint8Array | null>;
  write(bytes: Uint8Array): Promise<void>;
  erase(): Promise<void>;
}

/** The key file at `filePath`, one operation at a time (a write never races an erase). */
export function keyFileKeeper(filePath: string): KeyFileKeeper {
  let last: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
  return {
    path: filePath,
    read: () => queued(() => readKeyFile(filePath)),
    write: (bytes) => queued(() => writeKeyFile(filePath, bytes)),
    erase: () => queued(() => eraseKeyFile(filePath)),
  };
}
