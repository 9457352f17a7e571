/**
 * Large meta values (the search copy) in an encrypted workspace are sealed and stored in
 * parts: each part opens only in its place, beside the parts it was sealed with.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { encodePaddedJson } from '@core/crypto/padded-payload';
import { toBase64 } from '@core/crypto/bytes';
import { META_PART_BYTES, metaPartKey } from '@core/db/row-codec';
import { MIN_PBKDF2_ITERATIONS, Vault, memoryKeyFileStore, type DataCore } from '@core/index';

const PASS = 'a long enough passphrase';

/** Over two parts once sealed (two bytes a letter, padded). */
const bigValue = (tag: string) => ({
  words: Array.from(
    { length: Math.ceil((2.5 * META_PART_BYTES) / 40) },
    (_, n) => `رانيا ${tag} ${n}`,
  ),
});
const partCount = async (value: unknown) =>
  Math.ceil((await encodePaddedJson(value)).byteLength / META_PART_BYTES);

function vault() {
  return new Vault({
    name: 'meta-parts',
    keyFile: memoryKeyFileStore(),
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    iterations: MIN_PBKDF2_ITERATIONS,
  });
}

const metaRows = async (core: DataCore) =>
  (await core.store.db.meta.toArray()).filter((row) => row.key.startsWith('big'));

describe('a large meta value', () => {
  it('is stored as sealed parts, read back whole, also when unlocking again', async () => {
    const v = vault();
    const { core } = await v.setUp(PASS);
    const value = bigValue('first');
    const parts = await partCount(value);
    expect(parts).toBeGreaterThan(2);
    await core.store.writeMeta('big', value);
    const rows = await metaRows(core);
    expect(rows.map((row) => row.key).sort()).toEqual(
      ['big', ...Array.from({ length: parts }, (_, n) => metaPartKey('big', n))].sort(),
    );
    expect(rows.find((row) => row.key === 'big')).toEqual({ key: 'big', parts });
    for (const row of rows.filter((r) => r.key !== 'big')) {
      expect(row.sealed?.data.byteLength).toBeLessThanOrEqual(META_PART_BYTES + 16);
      expect(row.value).toBeUndefined();
    }
    expect(await core.store.readMeta('big')).toEqual(value);
    await core.close();
    const again = await v.unlock(PASS);
    expect(await again.store.readMeta('big')).toEqual(value);
    await again.close();
  });

  it('does not make unlocking rewrite the workspace as if it held plain rows', async () => {
    const v = vault();
    const { core } = await v.setUp(PASS);
    await core.contacts.createMany(
      Array.from({ length: 300 }, (_, n) => ({ displayName: `P${n}` })),
    );
    await core.store.writeMeta('big', bigValue('x'));
    const nonces = async (c: DataCore) =>
      (await c.store.db.chunks.toArray()).map((row) =>
        toBase64(row.sealed?.iv ?? new Uint8Array()),
      );
    const before = await nonces(core);
    await core.close();
    const again = await v.unlock(PASS);
    expect(await nonces(again)).toEqual(before);
    await again.close();
  });

  it('replaced by a small value leaves no parts behind', async () => {
    const { core } = await vault().setUp(PASS);
    await core.store.writeMeta('big', bigValue('x'));
    await core.store.writeMeta('big', 'small now');
    expect((await metaRows(core)).map((row) => row.key)).toEqual(['big']);
    expect(await core.store.readMeta('big')).toBe('small now');
    await core.close();
  });

  it('reads as absent when a part is missing, swapped, or from an earlier copy', async () => {
    const { core } = await vault().setUp(PASS);
    const { meta } = core.store.db;
    await core.store.writeMeta('big', bigValue('first'));
    const earlierPart = await meta.get(metaPartKey('big', 1));
    expect(earlierPart?.sealed).toBeDefined();
    await core.store.writeMeta('big', bigValue('other'));
    const [part0, part1] = await meta.bulkGet([metaPartKey('big', 0), metaPartKey('big', 1)]);

    await meta.put({ ...earlierPart, key: metaPartKey('big', 1) });
    expect(await core.store.readMeta('big')).toBeUndefined();

    await meta.put({ ...part1, key: metaPartKey('big', 0) });
    await meta.put({ ...part0, key: metaPartKey('big', 1) });
    expect(await core.store.readMeta('big')).toBeUndefined();

    await meta.put({ ...part0, key: metaPartKey('big', 0) });
    await meta.put({ ...part1, key: metaPartKey('big', 1) });
    expect(await core.store.readMeta('big')).toEqual(bigValue('other'));

    await meta.delete(metaPartKey('big', 2));
    expect(await core.store.readMeta('big')).toBeUndefined();
    await core.close();
  });
});
