/**
 * Large meta values (the search copy) in an encrypted workspace are sealed and stored in
 * parts: each part opens only in its place, beside the parts it was sealed with.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { encodePaddedJson } from '@core/crypto/padded-payload';
import { toBase64 } from '@core/crypto/bytes';
import { aesGcmCipher, TamperedDataError } from '@core/crypto';
import { randomBytes } from '@core/crypto/bytes';
import { importAesKey } from '@core/crypto/sealed';
import { openDataCore } from '@core/db/data-core';
import { TadamunDatabase, type MetaRow } from '@core/db/database';
import { META_PART_BYTES, metaPartKey } from '@core/db/row-codec';
import { failNthWrite } from '../../../helpers/fail-nth-write';
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

function vault(indexedDB = new IDBFactory()) {
  return new Vault({
    name: 'meta-parts',
    keyFile: memoryKeyFileStore(),
    indexedDB,
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
    const head = rows.find((row) => row.key === 'big');
    expect(head).toEqual({ key: 'big', parts, copy: expect.stringMatching(/^c[0-9a-f]{16}$/) });
    expect(rows.map((row) => row.key).sort()).toEqual(
      ['big', ...Array.from({ length: parts }, (_, n) => metaPartKey('big', n, head?.copy))].sort(),
    );
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
    const earlier = await meta.get('big');
    const earlierPart = await meta.get(metaPartKey('big', 1, earlier?.copy));
    expect(earlierPart?.sealed).toBeDefined();
    await core.store.writeMeta('big', bigValue('other'));
    const copy = (await meta.get('big'))?.copy;
    expect(copy).not.toBe(earlier?.copy);
    const key = (index: number) => metaPartKey('big', index, copy);
    const [part0, part1] = await meta.bulkGet([key(0), key(1)]);

    await meta.put({ ...earlierPart, key: key(1) });
    expect(await core.store.readMeta('big')).toBeUndefined();

    await meta.put({ ...part1, key: key(0) });
    await meta.put({ ...part0, key: key(1) });
    expect(await core.store.readMeta('big')).toBeUndefined();

    await meta.put({ ...part0, key: key(0) });
    await meta.put({ ...part1, key: key(1) });
    expect(await core.store.readMeta('big')).toEqual(bigValue('other'));

    await meta.delete(key(2));
    expect(await core.store.readMeta('big')).toBeUndefined();
    await core.close();
  });

  it('is read in the earlier shape (parts stored with their row), and replaced in the new one', async () => {
    const factory = new IDBFactory();
    const cipher = aesGcmCipher(await importAesKey(randomBytes(32)));
    const open = (sealed: boolean) =>
      openDataCore({
        name: 'meta-shapes',
        indexedDB: factory,
        IDBKeyRange,
        ...(sealed && { cipher, sealPlainRows: true }),
      });
    const plain = await open(false);
    await plain.store.writeMeta('big', bigValue('earlier'));
    await plain.close();
    // Encryption set up over it seals the value as earlier versions did: parts beside their row.
    const core = await open(true);
    const parts = await partCount(bigValue('earlier'));
    expect((await metaRows(core)).map((row) => row.key).sort()).toEqual(
      ['big', ...Array.from({ length: parts }, (_, n) => metaPartKey('big', n))].sort(),
    );
    expect(await core.store.db.meta.get('big')).toEqual({ key: 'big', parts });
    expect(await core.store.readMeta('big')).toEqual(bigValue('earlier'));
    await core.close();
    const again = await open(true);
    expect(await again.store.readMeta('big')).toEqual(bigValue('earlier'));
    await again.store.writeMeta('big', bigValue('later'));
    const copy = (await again.store.db.meta.get('big'))?.copy;
    expect(copy).toBeDefined();
    expect(
      (await metaRows(again)).every((row) => row.key === 'big' || row.key.includes(copy ?? '?')),
    ).toBe(true);
    await again.close();
    const last = await open(true);
    expect(await last.store.readMeta('big')).toEqual(bigValue('later'));
    await last.close();
  });

  it('cut short while its parts are stored, leaves the earlier copy whole', async () => {
    const factory = new IDBFactory();
    const cipher = aesGcmCipher(await importAesKey(randomBytes(32)));
    const open = () => openDataCore({ name: 'meta-cut', indexedDB: factory, IDBKeyRange, cipher });
    const core = await open();
    await core.store.writeMeta('big', bigValue('earlier'));
    const earlierRows = await metaRows(core);
    // Locked while the next copy's parts are being stored (as a crash would leave it).
    const saving = core.store.writeMeta('big', bigValue('later'));
    const newParts = async () =>
      (await metaRows(core)).filter((row) => !earlierRows.some((e) => e.key === row.key));
    while ((await newParts()).length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    core.store.dispose();
    await expect(saving).rejects.toThrow('locked or closed');
    expect((await newParts()).every((row) => row.key.startsWith('big#part'))).toBe(true);
    core.store.db.close();

    const again = await open();
    expect(await again.store.readMeta('big')).toEqual(bigValue('earlier'));
    expect(await again.store.db.meta.get('big')).toEqual(earlierRows.find((r) => r.key === 'big'));
    // The next save removes what the cut one left.
    await again.store.writeMeta('big', bigValue('last'));
    const copy = (await again.store.db.meta.get('big'))?.copy ?? '?';
    expect((await metaRows(again)).filter((row) => !row.key.includes(copy))).toEqual([
      expect.objectContaining({ key: 'big' }),
    ]);
    await again.close();
    const last = await open();
    expect(await last.store.readMeta('big')).toEqual(bigValue('last'));
    await last.close();
  });

  it('cut short by a failed write, removes its parts and keeps the earlier copy', async () => {
    const { core } = await vault().setUp(PASS);
    await core.store.writeMeta('big', bigValue('earlier'));
    const earlierRows = await metaRows(core);
    // The second part's row: each part is stored with the manifest, two writes.
    await failNthWrite(core, 3);
    await expect(core.store.writeMeta('big', bigValue('later'))).rejects.toThrow('disk is full');
    expect(await metaRows(core)).toEqual(earlierRows);
    expect(await core.store.readMeta('big')).toEqual(bigValue('earlier'));
    await core.close();
  });

  it('with a part swapped or altered, refuses the unlock naming the value', async () => {
    const alterations: ((part0: MetaRow, part1: MetaRow) => MetaRow[])[] = [
      (part0, part1) => [
        { ...part1, key: part0.key },
        { ...part0, key: part1.key },
      ],
      (part0) => {
        const data = new Uint8Array(part0.sealed?.data.slice(0) ?? new ArrayBuffer(0));
        data[100] = (data[100] ?? 0) ^ 1;
        return [
          { ...part0, sealed: { iv: part0.sealed?.iv ?? new Uint8Array(), data: data.buffer } },
        ];
      },
    ];
    for (const alter of alterations) {
      const factory = new IDBFactory();
      const v = vault(factory);
      const { core } = await v.setUp(PASS);
      await core.store.writeMeta('big', bigValue('first'));
      const copy = (await core.store.db.meta.get('big'))?.copy;
      const keys = [0, 1].map((n) => metaPartKey('big', n, copy));
      const [part0, part1] = await core.store.db.meta.bulkGet(keys);
      await core.close();
      if (!part0?.sealed || !part1?.sealed) throw new Error('expected sealed parts');
      const db = new TadamunDatabase('meta-parts', { indexedDB: factory, IDBKeyRange });
      await db.meta.bulkPut(alter(part0, part1));
      db.close();
      const refused = await v.unlock(PASS).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(TamperedDataError);
      expect((refused as TamperedDataError).where).toBe('meta/big');
    }
  });
});
