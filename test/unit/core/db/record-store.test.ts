import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { aesGcmCipher, TamperedDataError, type RecordCipher } from '@core/crypto';
import { randomBytes } from '@core/crypto/bytes';
import { OutlinedRecords } from '@core/crypto/json-outline';
import { importAesKey } from '@core/crypto/sealed';
import { openDataCore } from '@core/db/data-core';
import { NEWEST_FORMAT, TadamunDatabase, type ChunkRow } from '@core/db/database';
import {
  BULK_WRITE_AT,
  CHUNK_SIZE,
  CHUNKS_PER_STAGE,
  COMPACT_AT,
  readStoredRows,
  UnsupportedFormatError,
} from '@core/db/record-store';
import { failNthWrite, recordSnapshot as snapshot } from '../../../helpers/fail-nth-write';
import { freshDataCore, steppingClock } from '../../../helpers/fresh-data-core';
import { isStorageFull } from '@core/db/storage-full';
import { errorOf, fiveTargetedContacts } from './fixtures';

const person = (i: number) => ({
  givenName: `Person ${i}`,
  familyName: 'مثال',
  kind: 'member' as const,
});

/** An encrypted workspace; `watch` sees every value sealed, with its place. */
async function sealedWorkspace(watch: (context: string) => void = () => {}) {
  const factory = new IDBFactory();
  const name = `sealed-${crypto.randomUUID()}`;
  const key = aesGcmCipher(await importAesKey(randomBytes(32)));
  const cipher: RecordCipher = {
    seal: (value, context) => {
      watch(context);
      return key.seal(value, context);
    },
    open: (sealed, context) => key.open(sealed, context),
    openRecords: (sealed, context) => key.openRecords(sealed, context),
    sealInParts: (...args) => key.sealInParts(...args),
    openParts: (parts, context) => key.openParts(parts, context),
  };
  const open = () =>
    openDataCore({ name, indexedDB: factory, IDBKeyRange, cipher, clock: steppingClock() });
  const raw = () => new TadamunDatabase(name, { indexedDB: factory, IDBKeyRange });
  return { open, raw };
}

async function rowCounts(core: { store: { db: TadamunDatabase } }) {
  const { db } = core.store;
  return { chunks: await db.chunks.count(), pending: await db.pending.count() };
}

describe('chunked storage', () => {
  it('writes a small change as pending rows, a large one straight into chunks', async () => {
    const { core } = await freshDataCore();
    await core.contacts.create(person(0));
    expect(await rowCounts(core)).toEqual({ chunks: 0, pending: 1 });
    await core.contacts.createMany(Array.from({ length: BULK_WRITE_AT }, (_, i) => person(i + 1)));
    // The pending row was folded in with the bulk write.
    expect(await rowCounts(core)).toEqual({ chunks: 1, pending: 0 });
  });

  it(`fills chunks up to ${CHUNK_SIZE} records and reads every record back`, async () => {
    const { core, reopen } = await freshDataCore();
    const created = await core.contacts.createMany(
      Array.from({ length: 2500 }, (_, i) => person(i)),
    );
    expect(await rowCounts(core)).toEqual({ chunks: 3, pending: 0 });
    const again = await reopen();
    expect(again.contacts.count()).toBe(2500);
    for (const contact of created.slice(0, 50))
      expect(again.contacts.get(contact.id)).toEqual(contact);
  });

  it('keeps one pending row per record however often it is edited', async () => {
    const { core } = await freshDataCore();
    const contact = await core.contacts.create(person(0));
    for (let edit = 1; edit <= 20; edit += 1)
      await core.contacts.update(contact.id, { notes: `${edit}` });
    expect(await rowCounts(core)).toEqual({ chunks: 0, pending: 1 });
  });

  it('folds pending rows into chunks once there are many, keeping edits and deletions', async () => {
    const { core, reopen } = await freshDataCore();
    const created = await core.contacts.createMany(
      Array.from({ length: COMPACT_AT + 50 }, (_, i) => person(i)),
    );
    const [removed, ...rest] = created;
    if (!removed) throw new Error('no contacts');
    await core.contacts.remove(removed.id);
    let edits = 0;
    for (const contact of rest) {
      await core.contacts.update(contact.id, { notes: `edit ${++edits}` });
      if ((await rowCounts(core)).pending === 0) break;
    }
    expect(edits).toBe(COMPACT_AT - 1);
    const again = await reopen();
    expect(again.contacts.count()).toBe(COMPACT_AT + 49);
    expect(again.contacts.get(removed.id)).toBeUndefined();
    expect(again.contacts.get(rest[edits - 1]?.id ?? '')?.notes).toBe(`edit ${edits}`);
    expect(again.contacts.get(rest[edits]?.id ?? '')?.notes).toBeUndefined();
  });

  it('drops a chunk that a deletion empties', async () => {
    const { core, reopen } = await freshDataCore();
    const created = await core.contacts.createMany(
      Array.from({ length: 250 }, (_, i) => person(i)),
    );
    await core.store.commit(created.map((c) => ({ table: 'contacts' as const, delete: c.id })));
    expect(await rowCounts(core)).toEqual({ chunks: 0, pending: 0 });
    expect((await reopen()).contacts.count()).toBe(0);
  });

  it('refuses a database written by a newer app instead of misreading it', async () => {
    const factory = new IDBFactory();
    const db = new TadamunDatabase('newer', { indexedDB: factory, IDBKeyRange });
    await db.chunks.put({ table: 'contacts', chunk: 0, format: NEWEST_FORMAT + 1, records: [] });
    db.close();
    await expect(
      openDataCore({ name: 'newer', indexedDB: factory, IDBKeyRange }),
    ).rejects.toBeInstanceOf(UnsupportedFormatError);
  });
});

describe('rows read before opening', () => {
  it('opens from rows read beforehand, and meta read at open never shadows a later write', async () => {
    const { core, factory, name } = await freshDataCore();
    // Enough for a bulk write (chunks), plus one fresh edit (a pending row).
    const [saved] = await core.contacts.createMany(
      Array.from({ length: BULK_WRITE_AT }, (_, i) => person(i + 1)),
    );
    const edited = await core.contacts.create(person(0));
    await core.store.writeMeta('note', 'first');
    await core.close();

    const db = new TadamunDatabase(name, { indexedDB: factory, IDBKeyRange });
    await db.open();
    // Closed at once, as unlocking closes its handle: the reads already asked for still end.
    const rows = readStoredRows(db);
    db.close();
    expect((await rows.meta).map((row) => row.key)).toContain('note');
    const chunks = await Promise.all(await rows.chunks);
    expect(chunks.flatMap((row) => row.records ?? [])).toHaveLength(BULK_WRITE_AT);
    expect((await rows.pending).map((row) => row.id)).toEqual([edited.id]);

    const again = await openDataCore({ name, indexedDB: factory, IDBKeyRange, rows });
    expect(again.contacts.get(saved?.id ?? '')?.givenName).toBe('Person 1');
    await again.store.writeMeta('note', 'second');
    expect(await again.store.readMeta('note')).toBe('second');
    await again.close();
  });
});

describe('followers of the store', () => {
  it('a commit waits for its followers, and subscribers hear of it after them', async () => {
    const { core } = await freshDataCore();
    const heard: string[] = [];
    let finishFollower: () => void = () => {};
    core.store.follow(
      () =>
        new Promise<void>((resolve) => {
          heard.push('follower started');
          finishFollower = () => {
            heard.push('follower done');
            resolve();
          };
        }),
    );
    core.store.subscribe(() => heard.push('subscriber'));
    let committed = false;
    const writing = core.contacts.create(person(1)).then(() => {
      committed = true;
    });
    await vi.waitFor(() => expect(heard).toEqual(['follower started']));
    expect(committed).toBe(false);
    finishFollower();
    await writing;
    expect(heard).toEqual(['follower started', 'follower done', 'subscriber']);
    await core.close();
  });
});

describe('a prepared commit', () => {
  it('reads the records once every earlier commit is applied, and writes what it returns', async () => {
    const { core } = await freshDataCore();
    const [contact] = await core.contacts.createMany([person(1)]);
    if (!contact) throw new Error('contact not created');
    const renamed = { ...contact, displayName: 'Renamed before' };
    const earlier = core.store.commit([{ table: 'contacts', put: renamed }]);
    const seen: unknown[] = [];
    await core.store.commitPrepared(() => {
      const current = core.store.get('contacts', contact.id);
      seen.push(current?.displayName);
      return [{ table: 'contacts', put: { ...renamed, notes: 'Prepared after it' } }];
    });
    await earlier;
    expect(seen).toEqual(['Renamed before']);
    expect(core.contacts.get(contact.id)).toMatchObject({
      displayName: 'Renamed before',
      notes: 'Prepared after it',
    });
    await core.close();
  });
});

describe('a bulk commit into new chunks only (a receive in batches)', () => {
  /** Valid contact records, as a coalition's batch brings them: made in another workspace. */
  async function contactRecords(count: number, from: number) {
    const { core } = await freshDataCore();
    const records = await core.contacts.createMany(
      Array.from({ length: count }, (_, i) => person(from + i)),
    );
    await core.close();
    return records;
  }

  it('puts a batch in chunks of its own, leaving the chunk with room as it was stored', async () => {
    const { core, reopen } = await freshDataCore();
    await core.contacts.createMany(Array.from({ length: BULK_WRITE_AT }, (_, i) => person(i)));
    const before = await core.store.db.chunks.toArray();
    const batch = await contactRecords(BULK_WRITE_AT, 1000);
    await core.store.commitPrepared(
      () => batch.map((put) => ({ table: 'contacts' as const, put })),
      { newChunksOnly: true },
    );
    const after = await core.store.db.chunks.toArray();
    expect(after).toHaveLength(2);
    expect(after).toContainEqual(before[0]);
    const again = await reopen();
    expect(again.contacts.count()).toBe(2 * BULK_WRITE_AT);
    for (const contact of batch) expect(again.contacts.get(contact.id)).toEqual(contact);
  });

  it('without it, a batch fills the chunk with room (written again)', async () => {
    const { core } = await freshDataCore();
    await core.contacts.createMany(Array.from({ length: BULK_WRITE_AT }, (_, i) => person(i)));
    const batch = await contactRecords(BULK_WRITE_AT, 1000);
    await core.store.commitPrepared(() =>
      batch.map((put) => ({ table: 'contacts' as const, put })),
    );
    expect(await core.store.db.chunks.count()).toBe(1);
    await core.close();
  });
});

describe('a bulk change applied to memory in slices', () => {
  it('shows no new version until the end, and a lock meanwhile keeps the records out', async () => {
    const { core } = await freshDataCore();
    // Every clock reading is 20 ms later: each pacing check yields.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 20));
    onTestFinished(() => clock.mockRestore());
    const total = 3 * BULK_WRITE_AT;
    const versionBefore = core.store.version('contacts');
    const writing = core.contacts.createMany(Array.from({ length: total }, (_, i) => person(i)));
    await vi.waitFor(
      () => {
        const count = core.store.count('contacts');
        if (count === 0 || count === total) throw new Error(`not half-applied: ${count}`);
      },
      { interval: 0, timeout: 10_000 },
    );
    expect(core.store.version('contacts')).toBe(versionBefore);
    core.store.dispose();
    await writing;
    expect(core.store.count('contacts')).toBe(0);
  });
});

describe('bulk writes into a large table', () => {
  it('rewrite only the chunks that change, not every full chunk before them', async () => {
    const { core } = await freshDataCore();
    await core.contacts.createMany(Array.from({ length: 2 * CHUNK_SIZE }, (_, i) => person(i + 1)));
    const written: number[] = [];
    const chunks = core.store.db.chunks;
    const bulkPut = chunks.bulkPut.bind(chunks);
    chunks.bulkPut = ((rows: ChunkRow[]) => {
      written.push(...rows.map((row) => row.chunk));
      return bulkPut(rows);
    }) as typeof chunks.bulkPut;
    await core.contacts.createMany(
      Array.from({ length: BULK_WRITE_AT }, (_, i) => person(10_000 + i)),
    );
    expect(written).toEqual([2]);
    expect(core.contacts.count()).toBe(2 * CHUNK_SIZE + BULK_WRITE_AT);
    await core.close();
  });
});

describe('bulk writes put chunks one at a time', () => {
  it('one chunk row per request, so the page runs between them', async () => {
    const { core } = await freshDataCore();
    const perRequest: number[] = [];
    const chunks = core.store.db.chunks;
    const bulkPut = chunks.bulkPut.bind(chunks);
    chunks.bulkPut = ((rows: ChunkRow[]) => {
      perRequest.push(rows.length);
      return bulkPut(rows);
    }) as typeof chunks.bulkPut;
    await core.contacts.createMany(
      Array.from({ length: 3 * CHUNK_SIZE + 1 }, (_, i) => person(i + 1)),
    );
    expect(perRequest).toEqual([1, 1, 1, 1]);
    expect(core.contacts.count()).toBe(3 * CHUNK_SIZE + 1);
    await core.close();
  });
});

describe('all-or-nothing writes', () => {
  it('a bulk import that fails half-way leaves the database and memory as they were', async () => {
    const { core, reopen } = await fiveTargetedContacts();
    const before = snapshot(core);
    // Write 1 puts the new chunks, write 2 (clearing pending rows) fails: the first must roll back.
    await failNthWrite(core, 2);
    await expect(
      core.contacts.createMany(Array.from({ length: 500 }, (_, i) => ({ givenName: `New ${i}` }))),
    ).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });
});

describe('a sealed bulk write stores its new chunks a few at a time', () => {
  /** Two stages' worth of new chunks and one more: three stages. */
  const imported = () =>
    Array.from({ length: 2 * CHUNKS_PER_STAGE * CHUNK_SIZE + 10 }, (_, i) => person(10_000 + i));

  /** A workspace holding 1,500 contacts (two chunks, the second with room). */
  async function withContacts(watch?: (context: string) => void) {
    const workspace = await sealedWorkspace(watch);
    const core = await workspace.open();
    await core.contacts.createMany(Array.from({ length: 1500 }, (_, i) => person(i)));
    return { ...workspace, core, before: snapshot(core) };
  }

  it('seals at most a stage of chunks before putting them, and stores the write whole', async () => {
    let sealedNotPut = 0;
    let most = 0;
    const { open, core } = await withContacts((context) => {
      if (context.startsWith('chunk/')) most = Math.max(most, (sealedNotPut += 1));
    });
    const chunks = core.store.db.chunks;
    const bulkPut = chunks.bulkPut.bind(chunks);
    chunks.bulkPut = ((rows: ChunkRow[]) => {
      sealedNotPut -= rows.length;
      return bulkPut(rows);
    }) as typeof chunks.bulkPut;
    [most, sealedNotPut] = [0, 0];
    await core.contacts.createMany(imported());
    // Sealed all before one transaction, the import's 18 chunks were all held at once.
    expect(most).toBe(CHUNKS_PER_STAGE);
    const expected = core.contacts.all();
    expect(expected).toHaveLength(1500 + imported().length);
    await core.close();
    const again = await open();
    expect(again.contacts.all()).toEqual(expected);
    await again.close();
  });

  it('cut short by a full disk in a later stage, leaves every earlier record and none of the new', async () => {
    const { open, core, before } = await withContacts();
    const rows = await core.store.db.chunks.count();
    // Stage 1: a put per chunk, then the manifest; stage 2's first put fails.
    await failNthWrite(core, CHUNKS_PER_STAGE + 2);
    const error = await errorOf(core.contacts.createMany(imported()));
    expect(isStorageFull(error)).toBe(true);
    expect(snapshot(core)).toEqual(before);
    // The first stage's rows are removed at once.
    expect(await core.store.db.chunks.count()).toBe(rows);
    await core.close();
    const again = await open();
    expect(snapshot(again)).toEqual(before);
    await again.close();
  });

  it('rows a cut left on disk are never loaded, and the next unlock removes them', async () => {
    const { open, raw, core, before } = await withContacts();
    const rows = await core.store.db.chunks.count();
    // The disk stays full: the failed write cannot remove what it staged either (as a crash).
    await failNthWrite(core, 2 * CHUNKS_PER_STAGE + 3, { andLater: true });
    await expect(core.contacts.createMany(imported())).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    await core.close();
    const db = raw();
    expect(await db.chunks.count()).toBe(rows + 2 * CHUNKS_PER_STAGE);
    const again = await open();
    expect(snapshot(again)).toEqual(before);
    expect(await db.chunks.count()).toBe(rows);
    // The same import goes through now, and opens.
    await again.contacts.createMany(imported());
    const expected = snapshot(again);
    await again.close();
    const third = await open();
    expect(snapshot(third)).toEqual(expected);
    expect(third.contacts.count()).toBe(1500 + imported().length);
    await third.close();
    db.close();
  });

  it('a lock between stages stops the write: none of it is stored', async () => {
    const { open, core, before } = await withContacts();
    const rows = await core.store.db.chunks.count();
    const chunks = core.store.db.chunks;
    const bulkPut = chunks.bulkPut.bind(chunks);
    let puts = 0;
    chunks.bulkPut = ((put: ChunkRow[]) => {
      // Locking disposes of the store (and closes the database once the store is idle).
      if ((puts += put.length) === CHUNKS_PER_STAGE) core.store.dispose();
      return bulkPut(put);
    }) as typeof chunks.bulkPut;
    await expect(core.contacts.createMany(imported())).rejects.toThrow(/locked or closed/);
    await core.close();
    const again = await open();
    expect(snapshot(again)).toEqual(before);
    expect(await again.store.db.chunks.count()).toBe(rows);
    await again.close();
  });
});

describe('contacts left unparsed at unlock', () => {
  it("frees each sealed chunk's bytes once it is put, and reads every record back", async () => {
    const { open } = await sealedWorkspace();
    const core = await open();
    const put: ChunkRow[] = [];
    const chunks = core.store.db.chunks;
    const bulkPut = chunks.bulkPut.bind(chunks);
    chunks.bulkPut = ((rows: ChunkRow[]) => {
      put.push(...rows);
      const stored = bulkPut(rows);
      // Until the request is made the bytes are whole.
      expect(rows.every((row) => (row.sealed?.data.byteLength ?? 0) > 0)).toBe(true);
      return stored;
    }) as typeof chunks.bulkPut;
    await core.contacts.createMany(
      Array.from({ length: 2 * CHUNK_SIZE + 10 }, (_, i) => person(i)),
    );
    expect(put).toHaveLength(3);
    expect(put.map((row) => row.sealed?.data.byteLength)).toEqual([0, 0, 0]);
    const expected = core.contacts.all();
    await core.close();
    const reopened = await open();
    expect(reopened.contacts.all()).toEqual(expected);
    await reopened.close();
  });

  it('reads, lists, edits and deletes them as if parsed, in the stored order', async () => {
    const { open } = await sealedWorkspace();
    const core = await open();
    const created = await core.contacts.createMany(
      Array.from({ length: 2 * CHUNK_SIZE + 10 }, (_, i) => person(i)),
    );
    const [edited, removed] = created;
    await core.contacts.update(edited?.id ?? '', { notes: 'a pending edit' });
    await core.contacts.remove(removed?.id ?? '');
    const expected = core.contacts.all();
    await core.close();

    const again = await open();
    const some = created[1500]?.id ?? '';
    const first = again.contacts.get(some);
    expect(first).toEqual(created[1500]);
    expect(again.contacts.get(some)).toBe(first);
    expect(again.contacts.get(edited?.id ?? '')?.notes).toBe('a pending edit');
    expect(again.contacts.get(removed?.id ?? '')).toBeUndefined();
    expect(again.contacts.count()).toBe(expected.length);
    expect(again.contacts.all()).toEqual(expected);
    expect(again.contacts.all()[1499]).toBe(first);
    await again.close();
  });

  it('keeps the stored order when a later chunk decrypts before an earlier one', async () => {
    const factory = new IDBFactory();
    const name = `order-${crypto.randomUUID()}`;
    const cipher = aesGcmCipher(await importAesKey(randomBytes(32)));
    const open = (using: typeof cipher) =>
      openDataCore({
        name,
        indexedDB: factory,
        IDBKeyRange,
        cipher: using,
        clock: steppingClock(),
      });
    const core = await open(cipher);
    await core.contacts.createMany(
      Array.from({ length: 2 * CHUNK_SIZE + 10 }, (_, i) => person(i)),
    );
    const expected = core.contacts.all().map((contact) => contact.id);
    await core.close();

    // The first chunk asked for is the last to open.
    let calls = 0;
    const slowFirst: typeof cipher = {
      ...cipher,
      openRecords: async (sealed, context) => {
        calls += 1;
        if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 50));
        return cipher.openRecords(sealed, context);
      },
    };
    const again = await open(slowFirst);
    expect(calls).toBe(3);
    expect(again.contacts.all().map((contact) => contact.id)).toEqual(expected);
    await again.close();
  });

  it('a write rewrites their chunk with every record in it, parsed or not', async () => {
    const { open } = await sealedWorkspace();
    const core = await open();
    const created = await core.contacts.createMany(
      Array.from({ length: CHUNK_SIZE }, (_, i) => person(i)),
    );
    await core.close();
    const again = await open();
    // A bulk change folds into the chunk of records nobody read since the unlock.
    await again.store.commit(
      created
        .slice(0, BULK_WRITE_AT)
        .map((c) => ({ table: 'contacts', put: { ...c, notes: 'x' } })),
    );
    await again.close();
    const third = await open();
    const all = third.contacts.all();
    expect(all).toHaveLength(CHUNK_SIZE);
    expect(all.slice(BULK_WRITE_AT)).toEqual(created.slice(BULK_WRITE_AT));
    expect(all[0]).toEqual({ ...created[0], notes: 'x' });
    await third.close();
  });

  it('parses the rest in the background, then wipes each chunk text', async () => {
    const { open } = await sealedWorkspace();
    const core = await open();
    const created = await core.contacts.createMany(
      Array.from({ length: 300 }, (_, i) => person(i)),
    );
    await core.close();
    const wipe = vi.spyOn(OutlinedRecords.prototype, 'wipe');
    onTestFinished(() => wipe.mockRestore());
    const again = await open();
    await again.store.recordsParsed;
    expect(wipe).toHaveBeenCalledTimes(1);
    expect(again.contacts.all()).toEqual(created);
    await again.close();
  });

  it('are still authenticated before the unlock succeeds: an altered chunk refuses it', async () => {
    const { open, raw } = await sealedWorkspace();
    const core = await open();
    await core.contacts.createMany(Array.from({ length: 300 }, (_, i) => person(i)));
    await core.close();
    const db = raw();
    const [row] = await db.chunks.toArray();
    if (!row?.sealed) throw new Error('expected a sealed chunk');
    const data = new Uint8Array(row.sealed.data.slice(0));
    data[data.length - 100] = (data[data.length - 100] ?? 0) ^ 1;
    await db.chunks.put({ ...row, sealed: { ...row.sealed, data: data.buffer } });
    db.close();
    await expect(open()).rejects.toThrow(TamperedDataError);
  });
});
