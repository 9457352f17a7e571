import { describe, expect, it } from 'vitest';
import { idSchema } from '@core/index';
import {
  COALITION_KEY_BYTES,
  contactAliasOf,
  deriveCoalitionKeys,
  documentIdOf,
  newCoalitionKey,
} from '@core/coalition/coalition-key';

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
    expect(keys.idKey.extractable).toBe(false);
    const rawHex = Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(rawHex).not.toContain(keys.keyId);
  });

  it('names a record the same document on every laptop, different per kind, id and coalition', async () => {
    const raw = newCoalitionKey();
    const mine = await deriveCoalitionKeys(raw);
    const theirs = await deriveCoalitionKeys(new Uint8Array(raw));
    const other = await deriveCoalitionKeys(newCoalitionKey());
    const id = await documentIdOf(mine, 'contact', CONTACT_ID);
    expect(await documentIdOf(theirs, 'contact', CONTACT_ID)).toBe(id);
    expect(mine.keyId).toBe(theirs.keyId);
    expect(await documentIdOf(mine, 'target', CONTACT_ID)).not.toBe(id);
    expect(await documentIdOf(mine, 'contact', OTHER_ID)).not.toBe(id);
    expect(await documentIdOf(other, 'contact', CONTACT_ID)).not.toBe(id);
    expect(other.keyId).not.toBe(mine.keyId);
  });

  it('give a contact an alias per coalition: a valid id, stable, unrelated elsewhere', async () => {
    const raw = newCoalitionKey();
    const mine = await deriveCoalitionKeys(raw);
    const alias = await contactAliasOf(mine, CONTACT_ID);
    expect(idSchema.safeParse(alias).success).toBe(true);
    expect(await contactAliasOf(await deriveCoalitionKeys(new Uint8Array(raw)), CONTACT_ID)).toBe(
      alias,
    );
    expect(await contactAliasOf(mine, OTHER_ID)).not.toBe(alias);
    const other = await deriveCoalitionKeys(newCoalitionKey());
    expect(await contactAliasOf(other, CONTACT_ID)).not.toBe(alias);
    expect(alias).not.toBe(CONTACT_ID);
  });
});
