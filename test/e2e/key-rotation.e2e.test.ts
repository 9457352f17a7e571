/**
 * Key rotation on disk: in Chromium with a profile on disk, set up a workspace with a recovery
 * key and the demo data, read the stored keyring (the wrapped data key) and a sealed row, change
 * the passphrase through Settings, reload, unlock with the new passphrase, close the browser and
 * scan every file of the profile for the earlier wrapped keys' bytes and the old sealed row.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPersistent, recordRequests, requestsOutside } from '../helpers/chromium';
import { loadDemoWorkspace, readRecoveryKey, setUpWorkspace, unlockWorkspace } from './workspace';

const baseUrl = inject('baseUrl');
const profiles: string[] = [];

afterAll(() => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(file) : [file];
  });
}

/**
 * Files of the profile holding these bytes (given as hex), raw or as base64 (the key file's
 * form, in which a wrapped key is stored), relative to the profile.
 */
function filesWithBytes(dir: string, hex: string): string[] {
  const raw = Buffer.from(hex, 'hex');
  const needles = [raw, Buffer.from(raw.toString('base64'), 'latin1')];
  return filesUnder(dir)
    .filter((file) => {
      const bytes = readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    })
    .map((file) => path.relative(dir, file));
}

interface StoredSecrets {
  /** The wrapped data key's ciphertext, by the passphrase and by the recovery key. */
  passphraseWrap: string;
  recoveryWrap: string;
  generation: number;
  rotating: boolean;
  /** The start of one sealed row's ciphertext. */
  chunk: string;
}

/**
 * Reads the keyring from the key file (a local-storage item in the browser build) and a chunk
 * row straight from IndexedDB, as a disk reader would see them.
 */
function readStoredSecrets(page: Page): Promise<StoredSecrets> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tadamun');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const read = <T>(store: string, query?: IDBValidKey) =>
      new Promise<T>((resolve, reject) => {
        const objects = db.transaction(store).objectStore(store);
        const request = query === undefined ? objects.getAll() : objects.get(query);
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    const hex = (buffer: ArrayBuffer | undefined) =>
      [...new Uint8Array(buffer ?? new ArrayBuffer(0))]
        .map((byte) => byte.toString(16).padStart(2, '0'))
        .join('');
    // The key file is JSON with byte strings as tagged base64 (core/vault/key-file.ts).
    type Wrapped = { sealed: { data: { $buffer: string } } };
    const text = localStorage.getItem('tadamun.keyFile');
    if (!text) throw new Error('no key file');
    const keyring = (
      JSON.parse(text) as {
        keyring: {
          passphrase: Wrapped;
          recovery?: Wrapped;
          generation?: number;
          rotation?: unknown;
        };
      }
    ).keyring;
    const wrapHex = (wrapped: Wrapped | undefined) =>
      wrapped
        ? [...atob(wrapped.sealed.data.$buffer)]
            .map((c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
            .join('')
        : '';
    type Row = { sealed?: { data: ArrayBuffer } };
    const rows = [...(await read<Row[]>('chunks')), ...(await read<Row[]>('pending'))];
    const sealed = rows.find((row) => row.sealed)?.sealed;
    if (!sealed) throw new Error(`no sealed row among ${rows.length}`);
    db.close();
    return {
      passphraseWrap: wrapHex(keyring.passphrase),
      recoveryWrap: wrapHex(keyring.recovery),
      generation: keyring.generation ?? 0,
      rotating: keyring.rotation !== undefined,
      chunk: hex(sealed.data.slice(0, 64)),
    };
  });
}

describe('key rotation on disk', () => {
  it('after a passphrase change and a reload, old key material is nowhere but in LevelDB files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tadamun-profile-'));
    profiles.push(dir);
    const context = await launchPersistent(dir);
    const requests = recordRequests(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}/`);
    const first = 'olive lantern harbor sings';
    const recoveryKey = await setUpWorkspace(page, first, { withRecoveryKey: true });
    await loadDemoWorkspace(page);
    const before = await readStoredSecrets(page);
    expect(before.generation).toBe(0);
    expect(before.passphraseWrap).toHaveLength(96);
    expect(before.recoveryWrap).toHaveLength(96);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('security-section').waitFor();
    const next = 'granite pelican orbit lemonade';
    await page.getByTestId('change-current').fill(first);
    await page.getByTestId('change-passphrase').fill(next);
    await page.getByTestId('change-confirm').fill(next);
    await page.getByTestId('change-submit').click();
    await page.getByTestId('recovery-key-panel').waitFor();
    expect(await readRecoveryKey(page)).not.toBe(recoveryKey);
    await page.getByTestId('recovery-key-stored').check();
    await page.getByTestId('recovery-key-continue').click();
    await page.getByTestId('change-done').waitFor();

    await page.reload();
    await unlockWorkspace(page, next);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('count-contacts').waitFor();
    const after = await readStoredSecrets(page);
    expect(after).toMatchObject({ generation: 1, rotating: false });
    expect(after.passphraseWrap).not.toBe(before.passphraseWrap);
    expect(after.chunk).not.toBe(before.chunk);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await context.close();

    const found = {
      passphraseWrap: filesWithBytes(dir, before.passphraseWrap),
      recoveryWrap: filesWithBytes(dir, before.recoveryWrap),
      oldChunk: filesWithBytes(dir, before.chunk),
      newWrap: filesWithBytes(dir, after.passphraseWrap),
    };
    // The scan works: the current wrapped key is found where IndexedDB keeps it.
    expect(found.newWrap.length).toBeGreaterThan(0);
    // Nothing outside LevelDB's own files (no cache, no form data, no other store) keeps them.
    // The browser build keeps its key file in local storage, itself LevelDB (the desktop app
    // keeps it in a file of main's, overwritten in place: test/unit/main/key-file.test.ts).
    const inLevelDb = (file: string) =>
      file.includes('.indexeddb.leveldb') || file.includes(path.join('Local Storage', 'leveldb'));
    const earlier = [...found.passphraseWrap, ...found.recoveryWrap, ...found.oldChunk];
    expect(earlier.filter((file) => !inLevelDb(file))).toEqual([]);
    // No earlier wrapped key is left in the workspace's database: it never held one.
    const wraps = [...found.passphraseWrap, ...found.recoveryWrap];
    expect(wraps.filter((file) => file.includes('.indexeddb.leveldb'))).toEqual([]);
    // LevelDB keeps overwritten values until it compacts; the scrub that ends a rotation makes
    // that likely, not certain (docs/security.md): what is left is reported, not asserted.
    if (earlier.length > 0) console.warn('Old key material still in LevelDB:', found);
  });
});
