/** Random document bodies for the property tests of the sealed format (any body sealDocument takes). */
import fc from 'fast-check';
import { formatHlc } from '@core/coalition/hlc';
import {
  MERGE_RULES,
  isPlainField,
  latestClock,
  type ItemClock,
  type RecordClocks,
} from '@core/coalition/record-clocks';
import type { DocumentBody } from '@core/coalition/sealed-document';
import { SHARED_KINDS, type SharedRecord } from '@core/coalition/shared-record';

const member = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/));

const wall = fc.oneof(
  fc.integer({ min: 1_790_000_000_000, max: 1_800_000_000_000 }),
  // The text form has 15 digits of wall time.
  fc.bigInt({ min: 0n, max: 999_999_999_999_999n }).map(Number),
);
const counter = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.bigInt({ min: 0n, max: 9_999_999_999n }).map(Number),
);

/** Names a record and its clocks may use, odd ones included (integer-like, `__proto__`). */
const name = fc.oneof(
  fc.constantFrom('name', 'notes', 'stance', 'milestones', 'tasks', 'stanceHistory', 'history'),
  fc.constantFrom('id', '0', '12', '__proto__', 'constructor', 'ملاحظات', ''),
  fc.string({ maxLength: 8 }),
);

const recordOf = (id: string) =>
  fc
    .dictionary(name, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 })
    .map((fields): SharedRecord => ({ ...fields, id }))
    .map((record) => JSON.parse(JSON.stringify(record)) as SharedRecord);

function itemClock(clock: fc.Arbitrary<string>): fc.Arbitrary<ItemClock> {
  return fc
    .record({
      added: fc.oneof(fc.constant(''), clock),
      place: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
      written: clock,
      deleted: fc.boolean(),
    })
    .map(({ added, place, written, deleted }) => ({
      added,
      ...(place !== undefined && { place }),
      written,
      ...(deleted && { deleted: true as const }),
    }));
}

/** Any valid body: clocks as a local edit stamps them, or arbitrary, with items and a deletion. */
export const documentBody: fc.Arbitrary<DocumentBody> = fc
  .record({
    kind: fc.constantFrom(...SHARED_KINDS),
    members: fc.uniqueArray(member, { minLength: 1, maxLength: 4 }),
    id: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 10 })),
  })
  .chain(({ kind, members, id }) => {
    const clock = fc
      .record({ wall, counter, member: fc.constantFrom(...members) })
      .map((hlc) => formatHlc(hlc));
    return fc
      .record({
        record: recordOf(id),
        pool: fc.uniqueArray(clock, { minLength: 1, maxLength: 4 }),
        stamped: fc.boolean(),
        other: fc.dictionary(name, clock, { maxKeys: 6 }),
        items: fc.dictionary(name, fc.dictionary(fc.string(), itemClock(clock), { maxKeys: 3 }), {
          maxKeys: 2,
        }),
        removed: fc.option(clock, { nil: undefined }),
        author: fc.constantFrom(...members),
        picks: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
      })
      .map(({ record, pool, stamped, other, items, removed, author, picks }) => {
        const plain = Object.keys(record).filter((field) => isPlainField(MERGE_RULES[kind], field));
        // Mostly one clock, as a record's first share; sometimes a few fields edited later.
        const pick = (at: number) =>
          pool[(picks[at % picks.length] ?? 0) % 3 === 0 ? (picks[at] ?? 0) % pool.length : 0];
        const fields = stamped
          ? Object.fromEntries(plain.map((field, at) => [field, pick(at) ?? '']))
          : other;
        const clocks: RecordClocks = { fields, items, ...(removed !== undefined && { removed }) };
        return { kind, record, clocks, hlc: latestClock(clocks), author };
      });
  })
  .filter((body) => body.hlc !== '')
  .map((body) => JSON.parse(JSON.stringify(body)) as DocumentBody);

/** A member id as the app makes them (a UUID). */
export const SAMPLE_MEMBER = '5f0c2a9e-8b1d-4e6f-9a3c-2d7e1b4c8f60';

/** An interaction as shared, with `notes` of the test's choosing. */
export const sampleInteraction = (notes: string) => ({
  id: '00000000-0000-4000-8000-000000000011',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  campaignId: '00000000-0000-4000-8000-000000000001',
  contactId: '00000000-0000-4000-8000-000000000002',
  kind: 'call',
  occurredAt: '2026-11-01T09:00:00.000Z',
  notes,
});
