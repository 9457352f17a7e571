import {
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  eraseKeyFile,
  keyFileKeeper,
  keyFilePath,
  readKeyFile,
  writeKeyFile,
} from '@main/key-file';

/** Lets a test make the rename (the last step of an atomic write) fail, as a full disk would. */
const failRename = vi.hoisted(() => ({ next: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (failRename.next) {
        failRename.next = false;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      return fs.rename(from, to);
    },
  };
});

let folder: string;
let file: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'tadamun-keyfile-'));
  file = keyFilePath(folder);
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const OLD = new TextEncoder().encode('{"format":"tadamun-keyfile","old":true}');
const NEW = new TextEncoder().encode('{"format":"tadamun-keyfile","new":true,"longer":"yes"}');

describe('key file on disk', () => {
  it('is absent at first, then written whole, readable by the user only', async () => {
    expect(await readKeyFile(file)).toBeNull();
    await writeKeyFile(file, OLD);
    expect(await readKeyFile(file)).toEqual(OLD);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    await writeKeyFile(file, NEW);
    expect(await readKeyFile(file)).toEqual(NEW);
    expect(readdirSync(folder)).toEqual(['tadamun.keyfile']);
  });

  it('a write that fails half-way leaves the previous file intact and no partial file', async () => {
    await writeKeyFile(file, OLD);
    failRename.next = true;
    await expect(writeKeyFile(file, NEW)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readKeyFile(file)).toEqual(OLD);
    expect(readdirSync(folder)).toEqual(['tadamun.keyfile']);
  });

  it('erase overwrites the bytes in place with random ones of the same length, then deletes', async () => {
    await writeKeyFile(file, NEW);
    // A second name for the same bytes on disk: it shows what the erase did to them.
    const witness = path.join(folder, 'witness');
    linkSync(file, witness);
    // A partial write left by a crash is erased too.
    const partial = `${file}.4242.partial`;
    writeFileSync(partial, OLD);
    const partialWitness = path.join(folder, 'partial-witness');
    linkSync(partial, partialWitness);

    await eraseKeyFile(file);
    expect(readdirSync(folder).sort()).toEqual(['partial-witness', 'witness']);
    const left = readFileSync(witness);
    expect(left.length).toBe(NEW.length);
    expect(Buffer.from(NEW).equals(left)).toBe(false);
    expect(left.toString('latin1')).not.toContain('tadamun-keyfile');
    const partialLeft = readFileSync(partialWitness);
    expect(partialLeft.length).toBe(OLD.length);
    expect(partialLeft.toString('latin1')).not.toContain('tadamun-keyfile');
  });

  it('erasing when there is no key file does nothing and does not fail', async () => {
    await expect(eraseKeyFile(file)).resolves.toBeUndefined();
  });

  it('refuses to read a file far larger than any key file', async () => {
    writeFileSync(file, new Uint8Array(65 * 1024));
    await expect(readKeyFile(file)).rejects.toThrow(/larger than/);
  });

  it('runs one operation at a time: a write queued before an erase never lands after it', async () => {
    const keeper = keyFileKeeper(file);
    const done = [keeper.write(OLD), keeper.erase(), keeper.write(NEW), keeper.read()];
    const [, , , read] = await Promise.all(done);
    expect(read).toEqual(NEW);
    await Promise.all([keeper.write(OLD), keeper.erase()]);
    expect(await keeper.read()).toBeNull();
  });
});
