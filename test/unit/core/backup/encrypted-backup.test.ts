import { describe, expect, it } from 'vitest';
import {
  BackupError,
  MIN_PBKDF2_ITERATIONS,
  createBackup,
  createEncryptedBackup,
  decryptBackup,
  restoreEncryptedBackup,
  serializeBackup,
} from '@core/index';
import { freshDataCore } from '../../../helpers/fresh-data-core';

const OPTIONS = { iterations: MIN_PBKDF2_ITERATIONS, now: new Date('2026-11-25T10:00:00Z') };
const PASS = 'backup passphrase, not the app one';

async function seeded() {
  const { core } = await freshDataCore();
  await core.contacts.createMany([
    { displayName: 'سلمى الخطيب', sensitive: true, notes: 'ملاحظة سرية' },
    { displayName: 'Grace Okafor' },
  ]);
  await core.campaigns.create({ name: 'Ordinance 2026-14' });
  return core;
}

describe('encrypted backups', () => {
  it('round-trips the whole workspace, and the file holds no plaintext', async () => {
    const core = await seeded();
    const file = await createEncryptedBackup(core.store, PASS, OPTIONS);
    expect(file).not.toMatch(/سلمى|Okafor|Ordinance|ملاحظة/);
    const header = JSON.parse(file) as Record<string, unknown>;
    expect(header).toMatchObject({
      format: 'tadamun-encrypted-backup',
      version: 1,
      kdf: { algorithm: 'PBKDF2-SHA256', iterations: MIN_PBKDF2_ITERATIONS },
    });
    const { core: target } = await freshDataCore();
    await restoreEncryptedBackup(target.store, file, PASS, 'into-empty');
    expect(createBackup(target.store, OPTIONS.now)).toEqual(createBackup(core.store, OPTIONS.now));
  });

  it('a wrong passphrase, an altered or truncated file change nothing and say so', async () => {
    const core = await seeded();
    const file = await createEncryptedBackup(core.store, PASS, OPTIONS);
    const { core: target } = await freshDataCore();
    await target.contacts.create({ displayName: 'Already here' });
    const before = serializeBackup(createBackup(target.store, OPTIONS.now));
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
      [JSON.stringify({ ...json, version: 2 }), /newer version/],
      [
        JSON.stringify({
          ...json,
          kdf: { algorithm: 'PBKDF2-SHA256', iterations: 10, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
        }),
        /header is damaged/,
      ],
      [serializeBackup(createBackup(core.store)), /not an encrypted Tadamun backup/],
    ];
    for (const [text, message] of cases) {
      const passphrase = text === file ? 'wrong passphrase' : PASS;
      const error = await restoreEncryptedBackup(target.store, text, passphrase, 'replace').catch(
        (caught: unknown) => caught,
      );
      expect(error, String(message)).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(message);
      expect(serializeBackup(createBackup(target.store, OPTIONS.now))).toBe(before);
    }
    await expect(decryptBackup(file, PASS)).resolves.toContain('"format":"tadamun-backup"');
  });
});

describe('encrypted backups and saved filters', () => {
  it('carry the saved filters, sealed with the records', async () => {
    const core = await seeded();
    const saved = await core.savedFilters.add('صحفيون', { kind: 'journalist' });
    const file = await createEncryptedBackup(core.store, PASS, OPTIONS);
    expect(file).not.toMatch(/صحفيون|journalist/);
    expect(JSON.parse(await decryptBackup(file, PASS))).toMatchObject({ savedFilters: saved });
    const { core: target } = await freshDataCore();
    await restoreEncryptedBackup(target.store, file, PASS, 'into-empty');
    expect(await target.savedFilters.all()).toEqual(saved);
  });
});
