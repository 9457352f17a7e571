import { describe, expect, it } from 'vitest';
import { campaignProgress } from '@core/index';
import { campaign, id, targetsWith } from './fixtures';

describe('campaignProgress', () => {
  it('counts milestones done, open and overdue tasks (undated tasks are never overdue)', () => {
    const c = campaign({
      winThreshold: 0.5,
      milestones: [
        { id: id(), title: 'A', done: true },
        { id: id(), title: 'B', done: false, dueDate: '2026-11-01' },
        { id: id(), title: 'C', done: true, dueDate: '2026-11-02' },
      ],
      tasks: [
        { id: id(), title: 'Undated', status: 'todo' },
        { id: id(), title: 'Late', status: 'in-progress', dueDate: '2026-11-29' },
        { id: id(), title: 'Today', status: 'todo', dueDate: '2026-11-30' },
        { id: id(), title: 'Late but done', status: 'done', dueDate: '2026-11-01' },
        { id: id(), title: 'Late but cancelled', status: 'cancelled', dueDate: '2026-11-01' },
      ],
    });
    const progress = campaignProgress(c, targetsWith({ champion: 3, opposed: 3 }), '2026-11-30');
    expect(progress).toMatchObject({
      milestonesDone: 2,
      milestonesTotal: 3,
      tasksOpen: 3,
      tasksOverdue: 1,
      whip: { total: 6, supportive: 3, needed: 3, reached: true },
    });
  });
});
