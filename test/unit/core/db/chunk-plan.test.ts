import { describe, expect, it } from 'vitest';
import { ChangeSet, type StoredRecord } from '@core/db/change-set';
import {
  planChunkWrite,
  type ChunkPlan,
  type ChunkPlanOptions,
  type TableLayout,
} from '@core/db/chunk-plan';
import type { EntityTable } from '@core/domain/entities';
import { runSteps } from '@core/scheduling/time-slices';

const CHUNK = 3;
const record = (id: string, note = ''): StoredRecord => ({ id, note });

/** A table laid out as `chunks` (chunk number → ids), plus records only in `pending`. */
function layout(chunks: Record<number, string[]>, pendingOnly: string[] = []): TableLayout {
  const ids = [...Object.values(chunks).flat(), ...pendingOnly];
  return {
    records: new Map(ids.map((id) => [id, record(id)])),
    chunkMembers: new Map(Object.entries(chunks).map(([chunk, m]) => [Number(chunk), new Set(m)])),
    chunkOf: new Map(
      Object.entries(chunks).flatMap(([chunk, m]) => m.map((id) => [id, Number(chunk)] as const)),
    ),
  };
}

type ChangeRow = readonly [table: EntityTable, id: string, put: boolean, note?: string];

function changeSet(...changes: ChangeRow[]) {
  const set = new ChangeSet();
  for (const [table, id, put, note] of changes)
    set.add({ table, id, record: put ? record(id, note) : null });
  return set;
}

function plan(
  changes: ChangeSet,
  layouts: Partial<Record<EntityTable, TableLayout>>,
  pending: Partial<Record<EntityTable, string[]>> = {},
  options: ChunkPlanOptions = {},
): ChunkPlan & { asked: EntityTable[] } {
  const asked: EntityTable[] = [];
  const pendingIds = new Map(
    Object.entries(pending).map(([table, ids]) => [table as EntityTable, new Set(ids)]),
  );
  const result = runSteps(
    planChunkWrite(
      changes,
      pendingIds,
      (table) => {
        asked.push(table);
        return layouts[table] ?? layout({});
      },
      CHUNK,
      options,
    ),
  );
  return { ...result, asked };
}

/** Each written chunk as "table/chunk: ids". */
const written = (result: ChunkPlan) =>
  result.writes.map((w) => `${w.table}/${w.chunk}: ${w.records.map((r) => r.id).join(' ')}`);

describe('planning a write into chunks', () => {
  it('puts new records into new chunks of at most the chunk size, in order', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const result = plan(changeSet(...ids.map((id) => ['contacts', id, true] as const)), {});
    expect(written(result)).toEqual(['contacts/0: a b c', 'contacts/1: d e f', 'contacts/2: g']);
    expect(result.layouts).toEqual([
      {
        table: 'contacts',
        members: new Map([
          [0, new Set(['a', 'b', 'c'])],
          [1, new Set(['d', 'e', 'f'])],
          [2, new Set(['g'])],
        ]),
        placed: new Map(ids.map((id, index) => [id, Math.floor(index / CHUNK)])),
        removed: [],
      },
    ]);
    expect(result.chunkDeletes).toEqual([]);
    expect(result.pendingDeletes).toEqual([]);
  });

  it('fills chunks with room first, and rewrites only the chunks that change', () => {
    const before = layout({ 0: ['a', 'b', 'c'], 1: ['d'], 2: ['e', 'f', 'g'] });
    const result = plan(
      changeSet(['contacts', 'x', true], ['contacts', 'y', true], ['contacts', 'z', true]),
      { contacts: before },
    );
    expect(written(result)).toEqual(['contacts/1: d x y', 'contacts/3: z']);
    expect(result.layouts[0]?.placed).toEqual(
      new Map([
        ['x', 1],
        ['y', 1],
        ['z', 3],
      ]),
    );
  });

  it('with newChunksOnly, puts new and pending records into new chunks, edits where they are', () => {
    const before = layout({ 0: ['a', 'b', 'c'], 1: ['d'], 2: ['e', 'f'] }, ['p']);
    const result = plan(
      changeSet(
        ['contacts', 'x', true],
        ['contacts', 'y', true],
        ['contacts', 'z', true],
        ['contacts', 'e', true, 'edited'],
      ),
      { contacts: before },
      { contacts: ['p'] },
      { newChunksOnly: true },
    );
    // Chunks 1 and 2 had room: neither takes a new record; chunk 2 holds the edit.
    expect(written(result)).toEqual(['contacts/2: e f', 'contacts/3: x y z', 'contacts/4: p']);
    expect(result.layouts[0]?.placed).toEqual(
      new Map([
        ['x', 3],
        ['y', 3],
        ['z', 3],
        ['p', 4],
      ]),
    );
    expect(result.pendingDeletes).toEqual([['contacts', 'p']]);
  });

  it('writes a changed record into its chunk as the commit leaves it', () => {
    const result = plan(changeSet(['contacts', 'e', true, 'edited']), {
      contacts: layout({ 0: ['a', 'b', 'c'], 1: ['d', 'e'] }),
    });
    expect(result.writes).toEqual([
      { table: 'contacts', chunk: 1, records: [record('d'), record('e', 'edited')] },
    ]);
    expect(result.layouts[0]?.placed).toEqual(new Map());
  });

  it('takes deleted records out of their chunk, and deletes a chunk they empty', () => {
    const result = plan(
      changeSet(['contacts', 'b', false], ['contacts', 'd', false], ['contacts', 'e', false]),
      { contacts: layout({ 0: ['a', 'b', 'c'], 1: ['d', 'e'] }) },
    );
    expect(written(result)).toEqual(['contacts/0: a c']);
    expect(result.chunkDeletes).toEqual([['contacts', 1]]);
    expect(result.layouts[0]).toMatchObject({
      members: new Map([
        [0, new Set(['a', 'c'])],
        [1, new Set()],
      ]),
      removed: ['b', 'd', 'e'],
    });
  });

  it('folds in every pending row, of every table, and deletes those rows', () => {
    // 'p' is only pending; 'q' was deleted since its chunk was written (its pending row: null).
    const contacts = layout({ 0: ['a', 'q'] }, ['p']);
    (contacts.records as Map<string, StoredRecord>).delete('q');
    const result = plan(
      changeSet(['contacts', 'n', true]),
      { contacts, targets: layout({}, ['t']) },
      { contacts: ['p', 'q'], targets: ['t'] },
    );
    // The room q leaves in chunk 0 takes the new record and the pending one.
    expect(written(result)).toEqual(['contacts/0: a n p', 'targets/0: t']);
    expect(result.pendingDeletes).toEqual([
      ['contacts', 'p'],
      ['contacts', 'q'],
      ['targets', 't'],
    ]);
    expect(result.layouts.map((l) => [l.table, l.removed])).toEqual([
      ['contacts', ['q']],
      ['targets', []],
    ]);
  });

  it('a record created and deleted in one commit is neither written nor placed', () => {
    const changes = changeSet(['contacts', 'x', true], ['contacts', 'x', false]);
    const result = plan(changes, {});
    expect(result.writes).toEqual([]);
    expect(result.layouts[0]).toMatchObject({ placed: new Map(), removed: ['x'] });
  });

  it('asks only for the layouts of tables it touches, and changes none of them', () => {
    const contacts = layout({ 0: ['a', 'b', 'c'], 1: ['d'] });
    const copy = structuredClone(contacts);
    const result = plan(changeSet(['contacts', 'x', true], ['contacts', 'a', false]), {
      contacts,
    });
    expect(result.asked).toEqual(['contacts']);
    expect(contacts).toEqual(copy);
  });

  it('yields at least once per change, so a bulk write can plan in slices', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const steps = planChunkWrite(
      changeSet(...ids.map((id) => ['contacts', id, true] as const)),
      new Map(),
      () => layout({}),
      CHUNK,
    );
    let pauses = 0;
    while (!steps.next().done) pauses += 1;
    expect(pauses).toBeGreaterThanOrEqual(ids.length);
  });
});
