/**
 * Key rotation on disk: in Chromium with a profile on disk, the key file kept as the desktop
 * app keeps it (a file of main's, test/helpers/key-file-host.ts), set up a workspace with a
 * recovery key and the demo data, read the stored keyring (the wrapped data key) and a sealed row, change
 * the passphrase through Settings, reload, unlock with the new passphrase, close the browser and
 * scan every file of the profile for the earlier wrapped keys' bytes and the old sealed row.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPersistent, recordRequests, requestsOutside } from '../helpers/chromium';
import { hostKeyFile } from '../helpers/key-file-host';
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

/** The start of one sealed row's ciphertext, read straight from IndexedDB (hex). */
function readSealedChunk(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tadamun');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const read = <T>(store: string) =>
      new Promise<T>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    type Row = { sealed?: { data: ArrayBuffer } };
    const rows = [...(await read<Row[]>('chunks')), ...(await read<Row[]>('pending'))];
    const sealed = rows.find((row) => row.sealed)?.sealed;
    db.close();
    if (!sealed) throw new Error(`no sealed row among ${rows.length}`);
    return [...new Uint8Array(sealed.data.slice(0, 64))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
  });
}

/**
 * The keyring as a disk reader finds it in the key file (JSON, byte strings as tagged base64:
 * core/vault/key-file.ts), and a sealed row from IndexedDB.
 */
async function readStoredSecrets(page: Page, keyFile: string): Promise<StoredSecrets> {
  type Wrapped = { sealed: { data: { $buffer: string } } };
  const { keyring } = JSON.parse(readFileSync(keyFile, 'utf8')) as {
    keyring: { passphrase: Wrapped; recovery?: Wrapped; generation?: number; rotation?: unknown };
  };
  const wrapHex = (wrapped: Wrapped | undefined) =>
    wrapped ? Buffer.from(wrapped.sealed.data.$buffer, 'base64').toString('hex') : '';
  return {
    passphraseWrap: wrapHex(keyring.passphrase),
    recoveryWrap: wrapHex(keyring.recovery),
    generation: keyring.generation ?? 0,
    rotating: keyring.rotation !== undefined,
    chunk: await readSealedChunk(page),
  };
}

describe('key rotation on disk', () => {
  it('after a passphrase change and a reload, no earlier wrapped key is left in the profile', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tadamun-profile-'));
    profiles.push(dir);
    const context = await launchPersistent(dir);
    // The desktop app's layout: main keeps the key file in its data folder (here in the profile).
    const appData = path.join(dir, 'app-data');
    mkdirSync(appData);
    const keyFile = await hostKeyFile(context, appData);
    const requests = recordRequests(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}/`);
    const first = 'olive lantern harbor sings';
    const recoveryKey = await setUpWorkspace(page, first, { withRecoveryKey: true });
    await loadDemoWorkspace(page);
    const before = await readStoredSecrets(page, keyFile);
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
    const after = await readStoredSecrets(page, keyFile);
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
    // The scan works: the current wrapped key is found, in the key file.
    expect(found.newWrap).toEqual([path.relative(dir, keyFile)]);
    // No earlier wrapped key anywhere: the key file is replaced whole, and neither IndexedDB nor
    // local storage ever held one.
    expect({ passphrase: found.passphraseWrap, recovery: found.recoveryWrap }).toEqual({
      passphrase: [],
      recovery: [],
    });
    // An old sealed row may stay in LevelDB until it compacts: it opens only with the old data
    // key, which nothing on disk unwraps any more. Reported, not asserted.
    if (found.oldChunk.length > 0) console.warn('Old sealed row still in:', found.oldChunk);
  });
});
