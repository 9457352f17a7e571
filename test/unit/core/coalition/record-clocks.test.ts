import { describe, expect, it } from 'vitest';
import { formatHlc } from '@core/coalition/hlc';
import {
  MERGE_RULES,
  isRemoved,
  latestClock,
  stampEdit,
  stampRemoval,
} from '@core/coalition/record-clocks';
import type { SharedRecord } from '@core/coalition/shared-record';

const T = Date.parse('2026-12-01T10:00:00Z');
const at = (offset: number) => formatHlc({ wall: T + offset, counter: 0, member: 'm-amal' });
const ID = '6f1c1d2e-0000-4000-8000-000000000001';

const campaign = (fields: Record<string, unknown> = {}): SharedRecord => ({
  id: ID,
  name: 'Ordinance',
  tasks: [],
  ...fields,
});

describe('stamping local edits', () => {
  it('gives every field of a new record the edit’s clock, the id none', () => {
    const state = stampEdit('campaign', undefined, campaign({ goal: 'pass it' }), at(0));
    expect(state.clocks).toEqual({
      fields: { name: at(0), goal: at(0) },
      items: { milestones: {}, tasks: {} },
    });
    expect(latestClock(state.clocks)).toBe(at(0));
  });

  it('moves only the clocks of what changed, a cleared field included', () => {
    const first = stampEdit('campaign', undefined, campaign({ goal: 'pass it' }), at(0));
    const second = stampEdit('campaign', first, campaign({ name: 'Ordinance 14' }), at(5));
    expect(second.clocks.fields).toEqual({ name: at(5), goal: at(5) });
    const third = stampEdit(
      'campaign',
      second,
      campaign({ name: 'Ordinance 14', ask: 'Vote yes' }),
      at(9),
    );
    expect(third.clocks.fields).toEqual({ name: at(5), goal: at(5), ask: at(9) });
  });

  it('compares values, not key order', () => {
    const first = stampEdit('campaign', undefined, campaign({ policy: { a: 1, b: 2 } }), at(0));
    const same = stampEdit('campaign', first, campaign({ policy: { b: 2, a: 1 } }), at(3));
    expect(same.clocks.fields['policy']).toBe(at(0));
  });

  it('stamps tasks added, edited and removed, each on its own', () => {
    const one = { id: 'task-1', title: 'Call', status: 'todo' };
    const two = { id: 'task-2', title: 'Write', status: 'todo' };
    const first = stampEdit('campaign', undefined, campaign({ tasks: [one, two] }), at(0));
    expect(first.clocks.items['tasks']).toEqual({
      'task-1': { added: at(0), place: 0, written: at(0) },
      'task-2': { added: at(0), place: 1, written: at(0) },
    });
    const edited = stampEdit(
      'campaign',
      first,
      campaign({ tasks: [{ ...one, status: 'done' }] }),
      at(4),
    );
    expect(edited.clocks.items['tasks']).toEqual({
      'task-1': { added: at(0), place: 0, written: at(4) },
      'task-2': { added: at(0), place: 1, written: at(4), deleted: true },
    });
    expect(edited.clocks.fields).toEqual(first.clocks.fields);
  });

  it('knows which collections are keyed or append-only, per kind', () => {
    expect(MERGE_RULES.campaign.keyed).toEqual(['milestones', 'tasks']);
    expect(Object.keys(MERGE_RULES.target.appendOnly)).toEqual(['stanceHistory']);
    expect(Object.keys(MERGE_RULES.template.appendOnly)).toEqual(['history']);
    const target = stampEdit(
      'target',
      undefined,
      { id: ID, stance: 'supportive', stanceHistory: [] },
      at(0),
    );
    expect(target.clocks.fields).toEqual({ stance: at(0) });
  });

  it('records a deletion, which holds until a later edit', () => {
    const first = stampEdit('campaign', undefined, campaign(), at(0));
    const removed = stampRemoval(first, at(3));
    expect(isRemoved(removed)).toBe(true);
    expect(latestClock(removed.clocks)).toBe(at(3));
    const revived = stampEdit('campaign', removed, campaign({ name: 'back' }), at(8));
    expect(isRemoved(revived)).toBe(false);
    expect(revived.clocks.removed).toBe(at(3));
  });
});
