import { describe, expect, it } from 'vitest';
import { idSchema } from '@core/index';
import {
  COALITION_KEY_BYTES,
  contactAliasOf,
  deriveCoalitionKeys,
  documentIdOf,
  isDocumentIdOf,
  newCoalitionKey,
} from '@core/coalition/coalition-key';
import { utf8 } from '@core/crypto/bytes';
import { webCryptoIdKey } from '../../../helpers/webcrypto-id-key';

const CONTACT_ID = '0c3a4b5c-0000-4000-8000-0000000000c1';
const OTHER_ID = '0c3a4b5c-0000-4000-8000-0000000000c2';

describe('coalition keys', () => {
  it('are 32 random bytes; anything else is refused', async () => {
    const raw = newCoalitionKey();
    expect(raw.byteLength).toBe(COALITION_KEY_BYTES);
    expect(newCoalitionKey()).not.toEqual(raw);
    await expect(deriveCoalitionKeys(new Uint8Array(16))).rejects.toThrow(/32 bytes, not 16/);
  });

  it('derive keys that cannot be read back, and a key id that is not the key', async () => {
    const raw = newCoalitionKey();
    const keys = await deriveCoalitionKeys(raw);
    expect(keys.keyId).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.sealKey.extractable).toBe(false);
    // The id key's bytes live in a private field: nothing enumerable or serializable holds them.
    expect(Object.values(keys.idKey)).toEqual([]);
    expect(JSON.stringify(keys)).not.toMatch(/[0-9a-f]{64}|"\d+":/);
    const rawHex = Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(rawHex).not.toContain(keys.keyId);
  });

  it('names a record the same document on every laptop, different per kind, id and coalition', async () => {
    const raw = newCoalitionKey();
    const mine = await deriveCoalitionKeys(raw);
    const theirs = await deriveCoalitionKeys(new Uint8Array(raw));
    const other = await deriveCoalitionKeys(newCoalitionKey());
    const id = documentIdOf(mine, 'contact', CONTACT_ID);
    expect(documentIdOf(theirs, 'contact', CONTACT_ID)).toBe(id);
    expect(mine.keyId).toBe(theirs.keyId);
    expect(documentIdOf(mine, 'target', CONTACT_ID)).not.toBe(id);
    expect(documentIdOf(mine, 'contact', OTHER_ID)).not.toBe(id);
    expect(documentIdOf(other, 'contact', CONTACT_ID)).not.toBe(id);
    expect(other.keyId).not.toBe(mine.keyId);
  });

  it('name documents as the WebCrypto HMAC under the HKDF-derived id key did (ids unchanged)', async () => {
    const raw = newCoalitionKey();
    const webCryptoKey = await webCryptoIdKey(raw);
    const mac = await crypto.subtle.sign(
      'HMAC',
      webCryptoKey,
      utf8.encode(`contact\n${CONTACT_ID}`),
    );
    const expected = Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    expect(documentIdOf(await deriveCoalitionKeys(raw), 'contact', CONTACT_ID)).toBe(expected);
  });

  it('name each document independently of the ones named before it (one keyed state, reused)', async () => {
    const raw = newCoalitionKey();
    const webCryptoKey = await webCryptoIdKey(raw);
    const keys = await deriveCoalitionKeys(raw);
    // Short and long ids (a message of more than one SHA-256 block), in turn and repeated.
    const ids = [CONTACT_ID, 'x'.repeat(200), OTHER_ID, '', CONTACT_ID, 'y'.repeat(55)];
    for (const recordId of ids) {
      const mac = await crypto.subtle.sign(
        'HMAC',
        webCryptoKey,
        utf8.encode(`interaction\n${recordId}`),
      );
      const expected = Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join(
        '',
      );
      expect(documentIdOf(keys, 'interaction', recordId)).toBe(expected);
    }
  });

  it('tell whether a document id names a record', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const id = documentIdOf(keys, 'contact', CONTACT_ID);
    expect(isDocumentIdOf(keys, id, 'contact', CONTACT_ID)).toBe(true);
    expect(isDocumentIdOf(keys, id, 'contact', OTHER_ID)).toBe(false);
    expect(isDocumentIdOf(keys, id, 'target', CONTACT_ID)).toBe(false);
    expect(isDocumentIdOf(keys, id.slice(0, 63), 'contact', CONTACT_ID)).toBe(false);
    expect(
      isDocumentIdOf(
        keys,
        `${id.slice(0, 63)}${id.endsWith('0') ? '1' : '0'}`,
        'contact',
        CONTACT_ID,
      ),
    ).toBe(false);
  });

  it('tell a document id apart from its record by every character, for ids of any length', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    // Long and non-Latin record ids (more bytes than the buffer the text is first encoded
    // into), then short ones again: each check stands alone.
    const recordIds = [CONTACT_ID, 'ق'.repeat(300), 'x'.repeat(1000), OTHER_ID, '', '😀 id'];
    for (const recordId of recordIds) {
      const id = documentIdOf(keys, 'letter', recordId);
      expect(isDocumentIdOf(keys, id, 'letter', recordId)).toBe(true);
      expect(isDocumentIdOf(keys, id.toUpperCase(), 'letter', recordId)).toBe(false);
      expect(isDocumentIdOf(keys, `${id}0`, 'letter', recordId)).toBe(false);
      expect(isDocumentIdOf(keys, '', 'letter', recordId)).toBe(false);
      for (const at of [0, 1, 31, 62, 63]) {
        const changed = `${id.slice(0, at)}${id[at] === 'g' ? 'h' : 'g'}${id.slice(at + 1)}`;
        expect(isDocumentIdOf(keys, changed, 'letter', recordId)).toBe(false);
      }
    }
  });

  it('give a contact an alias per coalition: a valid id, stable, unrelated elsewhere', async () => {
    const raw = newCoalitionKey();
    const mine = await deriveCoalitionKeys(raw);
    const alias = contactAliasOf(mine, CONTACT_ID);
    expect(idSchema.safeParse(alias).success).toBe(true);
    expect(contactAliasOf(await deriveCoalitionKeys(new Uint8Array(raw)), CONTACT_ID)).toBe(alias);
    expect(contactAliasOf(mine, OTHER_ID)).not.toBe(alias);
    const other = await deriveCoalitionKeys(newCoalitionKey());
    expect(contactAliasOf(other, CONTACT_ID)).not.toBe(alias);
    expect(alias).not.toBe(CONTACT_ID);
  });
});
