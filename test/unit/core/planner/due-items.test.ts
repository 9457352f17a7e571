import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn, dueItems, dueSummary } from '@core/index';
import { campaign, id, interaction } from './fixtures';

describe('dueItems', () => {
  it('lists a follow-up as due today at 00:00 in Beirut, while UTC is still on yesterday', () => {
    const followUp = interaction({ followUpDate: '2026-11-30' });
    const now = new Date('2026-11-29T22:00:00Z');
    const inBeirut = dueItems({
      campaigns: [],
      interactions: [followUp],
      today: dayIn(now, 'Asia/Beirut'),
    });
    expect(inBeirut).toEqual([
      {
        kind: 'follow-up',
        id: followUp.id,
        campaignId: undefined,
        contactId: followUp.contactId,
        due: '2026-11-30',
        overdue: false,
        dueToday: true,
      },
    ]);
    const inUtc = dueItems({ campaigns: [], interactions: [followUp], today: dayIn(now, 'UTC') });
    expect(inUtc).toMatchObject([{ dueToday: false, overdue: false }]);
  });

  it('marks yesterday overdue one second after local midnight', () => {
    const followUp = interaction({ followUpDate: '2026-11-29' });
    const today = dayIn(new Date('2026-11-29T22:00:01Z'), 'Asia/Beirut');
    expect(dueItems({ campaigns: [], interactions: [followUp], today })).toMatchObject([
      { overdue: true, dueToday: false },
    ]);
  });

  it('leaves out done follow-ups, done or cancelled tasks, done milestones and undated items', () => {
    const c = campaign({
      tasks: [
        { id: id(), title: 'No date', status: 'todo' },
        { id: id(), title: 'Done', status: 'done', dueDate: '2026-11-30' },
        { id: id(), title: 'Cancelled', status: 'cancelled', dueDate: '2026-11-30' },
        { id: id(), title: 'Open', status: 'in-progress', dueDate: '2026-11-30' },
      ],
      milestones: [
        { id: id(), title: 'Undated', done: false },
        { id: id(), title: 'Reached', done: true, dueDate: '2026-11-30' },
        { id: id(), title: 'Hearing', done: false, dueDate: '2026-12-02' },
      ],
    });
    const items = dueItems({
      campaigns: [c],
      interactions: [
        interaction({ followUpDate: '2026-11-30', followUpDone: true }),
        interaction({}),
      ],
      today: '2026-11-30',
    });
    expect(items.map((item) => [item.kind, item.title])).toEqual([
      ['task', 'Open'],
      ['milestone', 'Hearing'],
    ]);
    expect(items[0]).toMatchObject({ campaignId: c.id, due: '2026-11-30', dueToday: true });
  });

  it('lists overdue items first, then by date, up to the horizon (7 days by default)', () => {
    const c = campaign({
      tasks: [
        { id: id(), title: 'In a week', status: 'todo', dueDate: '2026-12-07' },
        { id: id(), title: 'In eight days', status: 'todo', dueDate: '2026-12-08' },
        { id: id(), title: 'Long overdue', status: 'todo', dueDate: '2025-01-01' },
      ],
      milestones: [{ id: id(), title: 'Tomorrow', done: false, dueDate: '2026-12-01' }],
    });
    const lateFollowUp = interaction({ followUpDate: '2026-11-28', campaignId: c.id });
    const items = dueItems({ campaigns: [c], interactions: [lateFollowUp], today: '2026-11-30' });
    expect(items.map((item) => item.title ?? item.kind)).toEqual([
      'Long overdue',
      'follow-up',
      'Tomorrow',
      'In a week',
    ]);
    expect(items.map((item) => item.overdue)).toEqual([true, true, false, false]);
    const wider = dueItems({
      campaigns: [c],
      interactions: [],
      today: '2026-11-30',
      horizonDays: 8,
    });
    expect(wider.map((item) => item.title)).toContain('In eight days');
    const todayOnly = dueItems({
      campaigns: [c],
      interactions: [],
      today: '2026-11-30',
      horizonDays: 0,
    });
    expect(todayOnly.map((item) => item.title)).toEqual(['Long overdue']);
  });

  it('puts follow-ups before tasks and milestones on the same day', () => {
    const c = campaign({
      milestones: [{ id: id(), title: 'M', done: false, dueDate: '2026-11-30' }],
      tasks: [{ id: id(), title: 'T', status: 'todo', dueDate: '2026-11-30' }],
    });
    const items = dueItems({
      campaigns: [c],
      interactions: [interaction({ followUpDate: '2026-11-30' })],
      today: '2026-11-30',
    });
    expect(items.map((item) => item.kind)).toEqual(['follow-up', 'task', 'milestone']);
  });

  it('ignores everything in an archived campaign', () => {
    const archived = campaign({
      status: 'archived',
      tasks: [{ id: id(), title: 'T', status: 'todo', dueDate: '2026-11-30' }],
    });
    const items = dueItems({
      campaigns: [archived],
      interactions: [interaction({ followUpDate: '2026-11-30', campaignId: archived.id })],
      today: '2026-11-30',
    });
    expect(items).toEqual([]);
  });
});

describe('dueSummary', () => {
  const TODAY = '2026-11-30';
  const offsetDay = fc.integer({ min: -20, max: 20 }).map((offset) => addDays(TODAY, offset));

  it('keeps the first `limit` items of dueItems and counts every item due', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ due: offsetDay, done: fc.boolean() }), { maxLength: 40 }),
        fc.array(fc.record({ due: fc.option(offsetDay, { nil: undefined }) }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 12 }),
        (followUps, tasks, limit) => {
          const c = campaign({
            tasks: tasks.map((task) => ({
              id: id(),
              title: 'Task',
              status: 'todo' as const,
              dueDate: task.due,
            })),
          });
          const interactions = followUps.map((f) =>
            interaction({ campaignId: c.id, followUpDate: f.due, followUpDone: f.done }),
          );
          const input = { campaigns: [c], interactions, today: TODAY };
          const all = dueItems(input);
          const summary = dueSummary({ ...input, limit });
          expect(summary.items).toEqual(all.slice(0, limit));
          expect(summary.counts).toEqual({
            overdue: all.filter((item) => item.overdue).length,
            today: all.filter((item) => item.dueToday).length,
            upcoming: all.filter((item) => !item.overdue && !item.dueToday).length,
            total: all.length,
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts the follow-ups of archived campaigns out, like the list', () => {
    const archived = campaign({ status: 'archived' });
    const summary = dueSummary({
      campaigns: [archived],
      interactions: [interaction({ campaignId: archived.id, followUpDate: TODAY })],
      today: TODAY,
      limit: 5,
    });
    expect(summary).toEqual({ items: [], counts: { overdue: 0, today: 0, upcoming: 0, total: 0 } });
  });
});
