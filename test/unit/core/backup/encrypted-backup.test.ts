import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BackupError,
  BackupKdfError,
  createBackup,
  createEncryptedBackup,
  decryptBackup,
  restoreEncryptedBackup,
  serializeBackup,
} from '@core/index';
import type { Argon2idDeriver } from '@core/crypto/kdf';
import { argon2idWithWasm } from '@shared/argon2id-wasm';
import { freshDataCore } from '../../../helpers/fresh-data-core';

const NOW = new Date('2026-11-25T10:00:00Z');
const PASS = 'backup passphrase, not the app one';

/** Real Argon2id (hash-wasm, as the app's main process runs it), counted. */
function countingDeriver() {
  const counted = { calls: 0 };
  const derive: Argon2idDeriver = (request) => {
    counted.calls += 1;
    return argon2idWithWasm(request);
  };
  return Object.assign(counted, { derive });
}

/** Made by the version 1 exporter (PBKDF2-SHA256, 600,000 iterations) before Argon2id. */
const OLD_PBKDF2_BACKUP = readFileSync(
  path.resolve(import.meta.dirname, '../../../fixtures/backups/pbkdf2-v1.tadamun-backup'),
  'utf8',
);

async function seeded() {
  const { core } = await freshDataCore();
  await core.contacts.createMany([
    { displayName: 'سلمى الخطيب', sensitive: true, notes: 'ملاحظة سرية' },
    { displayName: 'Grace Okafor' },
  ]);
  await core.campaigns.create({ name: 'Ordinance 2026-14' });
  return core;
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BackupError);
  return error as Error;
}

// Real Argon2id at the app's cost (64 MiB, 3 passes): about a second a derivation here.
describe('encrypted backups', { timeout: 120_000 }, () => {
  it("round-trips the whole workspace under Argon2id at the workspace's cost, through the given deriver", async () => {
    const core = await seeded();
    const argon2id = countingDeriver();
    const file = await createEncryptedBackup(core.store, PASS, {
      argon2id: argon2id.derive,
      now: NOW,
    });
    expect(argon2id.calls).toBe(1);
    expect(file).not.toMatch(/سلمى|Okafor|Ordinance|ملاحظة/);
    const header = JSON.parse(file) as Record<string, unknown>;
    expect(header).toMatchObject({
      format: 'tadamun-encrypted-backup',
      version: 2,
      kdf: { algorithm: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 },
    });
    const { core: target } = await freshDataCore();
    await restoreEncryptedBackup(target.store, file, PASS, 'into-empty', argon2id.derive);
    expect(argon2id.calls).toBe(2);
    expect(createBackup(target.store, NOW)).toEqual(createBackup(core.store, NOW));
  });

  it('a wrong passphrase, an altered or truncated file change nothing and say so', async () => {
    const core = await seeded();
    const argon2id = countingDeriver();
    const file = await createEncryptedBackup(core.store, PASS, {
      argon2id: argon2id.derive,
      now: NOW,
    });
    const { core: target } = await freshDataCore();
    await target.contacts.create({ displayName: 'Already here' });
    const before = serializeBackup(createBackup(target.store, NOW));
    const json = JSON.parse(file) as Record<string, string>;
    const flip = (text: string) =>
      `${text.slice(0, 40)}${text[40] === 'A' ? 'B' : 'A'}${text.slice(41)}`;
    const cases: [string, RegExp][] = [
      [file, /passphrase is wrong/],
      [
        JSON.stringify({ ...json, ciphertext: flip(json['ciphertext'] ?? '') }),
        /altered or damaged/,
      ],
      [JSON.stringify({ ...json, createdAt: '2020-01-01T00:00:00.000Z' }), /altered or damaged/],
      [file.slice(0, file.length / 2), /damaged \(not JSON\)/],
      [JSON.stringify({ ...json, version: 3 }), /newer version/],
      [serializeBackup(createBackup(core.store)), /not an encrypted Tadamun backup/],
    ];
    for (const [text, message] of cases) {
      const passphrase = text === file ? 'wrong passphrase' : PASS;
      const error = await refusal(
        restoreEncryptedBackup(target.store, text, passphrase, 'replace', argon2id.derive),
      );
      expect(error.message, String(message)).toMatch(message);
      expect(serializeBackup(createBackup(target.store, NOW))).toBe(before);
    }
    await expect(decryptBackup(file, PASS, argon2id.derive)).resolves.toContain(
      '"format":"tadamun-backup"',
    );
  });

  it('refuses weakened, absurd or unknown key settings before deriving anything, saying so', async () => {
    const core = await seeded();
    const argon2id = countingDeriver();
    const file = await createEncryptedBackup(core.store, PASS, {
      argon2id: argon2id.derive,
      now: NOW,
    });
    const json = JSON.parse(file) as { kdf: Record<string, unknown> };
    const salt = json.kdf['salt'];
    const withKdf = (kdf: Record<string, unknown>, version = 2) =>
      JSON.stringify({ ...json, version, kdf });
    const cases: [string, RegExp][] = [
      [withKdf({ ...json.kdf, memoryKiB: 32_768 }), /m=32768 KiB, t=3 is weaker/],
      [withKdf({ ...json.kdf, iterations: 2 }), /m=65536 KiB, t=2 is weaker/],
      [withKdf({ ...json.kdf, memoryKiB: 1024, iterations: 1 }), /below OWASP's minimum/],
      [withKdf({ ...json.kdf, memoryKiB: 8 * 1024 * 1024 }), /out of range/],
      [withKdf({ ...json.kdf, algorithm: 'scrypt' }), /algorithm "scrypt", expected argon2id/],
      [withKdf({ algorithm: 'PBKDF2-SHA256', iterations: 600_000, salt }), /expected argon2id/],
      [withKdf({ ...json.kdf }, 1), /expected PBKDF2-SHA256/],
      [
        withKdf({ algorithm: 'PBKDF2-SHA256', iterations: 10, salt }, 1),
        /10 iterations is outside/,
      ],
    ];
    argon2id.calls = 0;
    for (const [text, message] of cases) {
      const error = await refusal(decryptBackup(text, PASS, argon2id.derive));
      expect(error, String(message)).toBeInstanceOf(BackupKdfError);
      expect(error.message).toMatch(/key settings were altered/);
      expect(error.message).toMatch(message);
    }
    expect(argon2id.calls).toBe(0);
  });

  it('restores a backup made by the PBKDF2 version, with Argon2id never asked', async () => {
    expect(JSON.parse(OLD_PBKDF2_BACKUP)).toMatchObject({
      version: 1,
      kdf: { algorithm: 'PBKDF2-SHA256', iterations: 600_000 },
    });
    const argon2id = countingDeriver();
    const { core: target } = await freshDataCore();
    await restoreEncryptedBackup(
      target.store,
      OLD_PBKDF2_BACKUP,
      PASS,
      'into-empty',
      argon2id.derive,
    );
    expect(argon2id.calls).toBe(0);
    const names = target.store.all('contacts').map((contact) => contact.displayName);
    expect(names.sort()).toEqual(['Grace Okafor', 'سلمى الخطيب']);
    expect(await target.savedFilters.all()).toMatchObject([{ name: 'صحفيون' }]);
    const altered = OLD_PBKDF2_BACKUP.replace('"createdAt":"2026-11-25', '"createdAt":"2026-11-26');
    const error = await refusal(decryptBackup(altered, PASS, argon2id.derive));
    expect(error.message).toMatch(/altered or damaged/);
    await expect(decryptBackup(OLD_PBKDF2_BACKUP, 'wrong', argon2id.derive)).rejects.toThrow(
      /passphrase is wrong/,
    );
  });
});

describe('encrypted backups and saved filters', { timeout: 120_000 }, () => {
  it('carry the saved filters, sealed with the records', async () => {
    const core = await seeded();
    const { derive } = countingDeriver();
    const saved = await core.savedFilters.add('صحفيون', { kind: 'journalist' });
    const file = await createEncryptedBackup(core.store, PASS, { argon2id: derive, now: NOW });
    expect(file).not.toMatch(/صحفيون|journalist/);
    expect(JSON.parse(await decryptBackup(file, PASS, derive))).toMatchObject({
      savedFilters: saved,
    });
    const { core: target } = await freshDataCore();
    await restoreEncryptedBackup(target.store, file, PASS, 'into-empty', derive);
    expect(await target.savedFilters.all()).toEqual(saved);
  });
});
