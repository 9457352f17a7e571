import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantKey, PlannerIndex, type Interaction } from '@core/index';
import type { RecordChange } from '@core/db/record-store';
import { interaction } from './fixtures';

const asChange = (record: Interaction): RecordChange => ({
  table: 'interactions',
  id: record.id,
  record: record as unknown as RecordChange['record'],
});
const removal = (id: string): RecordChange => ({ table: 'interactions', id, record: null });

/** The `limit` latest by a full sort: what `recent` must always equal. */
function latestBySort(all: Iterable<Interaction>, limit: number): string[] {
  return [...all]
    .map((item) => ({ key: instantKey(item.occurredAt), item }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .slice(0, limit)
    .map((entry) => entry.key);
}

const DAY = 86_400_000;
const at = (offset: number) => new Date(Date.UTC(2026, 10, 1) + offset * DAY).toISOString();

describe('PlannerIndex.recent', () => {
  it('stays the latest interactions through puts, updates and deletes, without a rebuild', () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const), day: fc.integer({ min: 0, max: 30 }) }),
      fc.record({
        op: fc.constant('move' as const),
        pick: fc.nat(),
        day: fc.integer({ min: 0, max: 30 }),
      }),
      fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }),
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (initialDays, steps, limit) => {
          const live = new Map<string, Interaction>();
          for (const day of initialDays) {
            const record = interaction({ occurredAt: at(day) });
            live.set(record.id, record);
          }
          const index = new PlannerIndex({ targets: [], interactions: [...live.values()] });
          expect(index.recent(limit).map((i) => instantKey(i.occurredAt))).toEqual(
            latestBySort(live.values(), limit),
          );
          for (const s of steps) {
            const ids = [...live.keys()];
            if (s.op === 'add') {
              const record = interaction({ occurredAt: at(s.day) });
              live.set(record.id, record);
              index.apply([asChange(record)]);
            } else if (ids.length > 0) {
              const id = ids[s.pick % ids.length] as string;
              if (s.op === 'remove') {
                live.delete(id);
                index.apply([removal(id)]);
              } else {
                const moved = { ...(live.get(id) as Interaction), occurredAt: at(s.day) };
                live.set(id, moved);
                index.apply([asChange(moved)]);
              }
            }
            expect(index.recent(limit).map((i) => instantKey(i.occurredAt))).toEqual(
              latestBySort(live.values(), limit),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts a newly logged interaction first', () => {
    const old = interaction({ occurredAt: at(1) });
    const index = new PlannerIndex({ targets: [], interactions: [old] });
    expect(index.recent(3)).toEqual([old]);
    const logged = interaction({ occurredAt: at(2) });
    index.apply([asChange(logged)]);
    expect(index.recent(3)).toEqual([logged, old]);
  });
});
