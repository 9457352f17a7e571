import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  openPassphraseFile,
  PassphraseFileError,
  readPassphraseFile,
  sealPassphraseFile,
  type PassphraseFileKind,
} from '@core/coalition/passphrase-file';
import { canonicalJson } from '@core/coalition/shared-record';
import { sha256Hex, utf8 } from '@core/crypto/bytes';
import { KDF_ALGORITHM, MIN_PBKDF2_ITERATIONS } from '@core/crypto/kdf';

const OPTIONS = { cost: { algorithm: KDF_ALGORITHM, iterations: MIN_PBKDF2_ITERATIONS } } as const;
const KIND: PassphraseFileKind = {
  format: 'test-sealed-file',
  version: 2,
  fields: { keyId: z.string().regex(/^[0-9a-f]{4}$/), room: z.string().min(1) },
};
const FIELDS = { keyId: 'ab12', room: 'غرفة 3' };

async function problemOf(work: Promise<unknown>): Promise<string> {
  const thrown = await work.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(PassphraseFileError);
  return (thrown as PassphraseFileError).problem;
}

/** The checksum as the format defines it, for a forger who knows the format. */
function checksumFor(file: Record<string, unknown>): Promise<string> {
  const context = JSON.stringify([
    file['format'],
    file['version'],
    file['keyId'],
    file['room'],
    canonicalJson(file['kdf']),
  ]);
  return sha256Hex(utf8.encode(JSON.stringify([context, file['iv'], file['ciphertext']])));
}

describe('files sealed under a one-time passphrase', () => {
  it('opens what it sealed, with the kind’s own fields public and the content not', async () => {
    const content = { note: 'Marker-سري-7731', list: [1, 2] };
    const sealed = await sealPassphraseFile(KIND, FIELDS, content, OPTIONS);
    const json = JSON.parse(sealed.file) as Record<string, unknown>;
    expect(json).toMatchObject({ format: KIND.format, version: 2, ...FIELDS });
    expect(sealed.file).not.toContain('Marker');
    const file = await readPassphraseFile(KIND, json);
    expect(file.fields).toEqual(FIELDS);
    const typed = sealed.passphrase.toLowerCase().replace(/-/g, ' ');
    expect(await openPassphraseFile(KIND, file, typed)).toEqual(content);
    expect(await problemOf(openPassphraseFile(KIND, file, 'not a passphrase'))).toBe(
      'wrong-passphrase',
    );
  });

  it('authenticates the kind’s fields: changed with a recomputed checksum, it does not open', async () => {
    const sealed = await sealPassphraseFile(KIND, FIELDS, { a: 1 }, OPTIONS);
    const json = JSON.parse(sealed.file) as Record<string, unknown>;
    const forged = { ...json, keyId: 'cd34' };
    expect(await problemOf(readPassphraseFile(KIND, forged))).toBe('damaged');
    const file = await readPassphraseFile(KIND, { ...forged, checksum: await checksumFor(forged) });
    expect(await problemOf(openPassphraseFile(KIND, file, sealed.passphrase))).toBe(
      'wrong-passphrase',
    );
  });

  it('checks format, version, structure and key settings before any derivation', async () => {
    const sealed = await sealPassphraseFile(KIND, FIELDS, { a: 1 }, OPTIONS);
    const json = JSON.parse(sealed.file) as Record<string, unknown>;
    expect(await problemOf(readPassphraseFile({ ...KIND, format: 'other' }, json))).toBe(
      'not-this-format',
    );
    expect(await problemOf(readPassphraseFile(KIND, null))).toBe('not-this-format');
    expect(await problemOf(readPassphraseFile(KIND, { ...json, version: 3 }))).toBe(
      'newer-version',
    );
    const { room: _room, ...withoutRoom } = json;
    expect(await problemOf(readPassphraseFile(KIND, withoutRoom))).toBe('damaged');
    const weak = { ...json, kdf: { ...(json['kdf'] as object), iterations: 10 } };
    const thrown = await readPassphraseFile(KIND, { ...weak, checksum: await checksumFor(weak) })
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(thrown).toMatchObject({ problem: 'damaged', kdfProblem: 'kdf-out-of-range' });
  });
});
