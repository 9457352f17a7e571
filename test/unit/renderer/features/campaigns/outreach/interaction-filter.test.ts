import { describe, expect, it } from 'vitest';
import type { Interaction } from '@core/domain/interaction';
import { filterInteractions } from '@renderer/features/campaigns/outreach/interaction-filter';

describe('the outreach log filter', () => {
  const log = [
    {
      id: '1',
      kind: 'call',
      direction: 'outgoing',
      contactId: 'a',
      occurredAt: '2026-03-01T23:30:00Z',
    },
    {
      id: '2',
      kind: 'email',
      direction: 'incoming',
      contactId: 'b',
      occurredAt: '2026-03-03T10:00:00Z',
    },
  ] as Interaction[];

  it('filters by kind, direction, contact and days in the organizer’s time zone', () => {
    const ids = (filter: Parameters<typeof filterInteractions>[1], zone = 'UTC') =>
      filterInteractions(log, filter, zone).map((i) => i.id);
    expect(ids({ kind: 'email' })).toEqual(['2']);
    expect(ids({ direction: 'outgoing' })).toEqual(['1']);
    expect(ids({ contactId: 'a' })).toEqual(['1']);
    expect(ids({ from: '2026-03-02' })).toEqual(['2']);
    // 23:30 UTC on 1 March is already 2 March in Beirut.
    expect(ids({ from: '2026-03-02', to: '2026-03-02' }, 'Asia/Beirut')).toEqual(['1']);
  });
});
