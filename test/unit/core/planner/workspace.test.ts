import { describe, expect, it } from 'vitest';
import { campaignWorkspaceData, dashboardData } from '@core/index';
import { closeWorkspaceAfterEach, workspace } from './seeded-workspace';

closeWorkspaceAfterEach();

describe('workspace and dashboard data', () => {
  it('gathers a campaign workspace', async () => {
    const { core, bill } = await workspace();
    const data = campaignWorkspaceData(core, bill.id, {
      today: '2026-11-30',
      timeZone: 'UTC',
      weeks: 3,
    });
    expect(data?.whip).toMatchObject({
      total: 3,
      supportive: 1,
      opposed: 1,
      needed: 2,
      missing: 1,
    });
    expect(data?.due.map((item) => item.due)).toEqual(['2026-12-03']);
    expect(data?.outreach.map((week) => week.count)).toEqual([3, 0, 0]);
    expect(
      campaignWorkspaceData(core, crypto.randomUUID(), { today: '2026-11-30', timeZone: 'UTC' }),
    ).toBeUndefined();
  });

  it('gathers the dashboard: active campaigns, everything due, the latest interactions', async () => {
    const { core } = await workspace();
    await core.campaigns.create({ name: 'Paused', status: 'paused' });
    const data = dashboardData(core, { today: '2026-11-30', timeZone: 'UTC', recentLimit: 2 });
    expect(data.campaigns.map((c) => c.campaign.name)).toEqual(['Bill', 'Other']);
    expect(data.activeCount).toBe(2);
    expect(data.due.map((item) => [item.due, item.dueToday])).toEqual([
      ['2026-11-30', true],
      ['2026-12-03', false],
    ]);
    expect(data.recent.map((i) => i.occurredAt)).toEqual([
      '2026-11-28T10:00:00Z',
      '2026-11-27T10:00:00Z',
    ]);
    expect(data.dueCounts).toEqual({ overdue: 0, today: 1, upcoming: 1, total: 2 });
    const limited = dashboardData(core, {
      today: '2026-11-30',
      timeZone: 'UTC',
      campaignLimit: 1,
      dueLimit: 1,
    });
    expect(limited.due.map((item) => item.due)).toEqual(['2026-11-30']);
    expect(limited.dueCounts.total).toBe(2);
    expect(limited.campaigns).toHaveLength(1);
    expect(limited.activeCount).toBe(2);
  });
});
