import { describe, expect, it } from 'vitest';
import { coalitionStatusSchema } from '@core/domain/coalition';
import { coalitionCampaigns } from '@renderer/features/coalitions/coalition-campaigns';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const names = new Map([
  [id(1), 'Ordinance 2026-14'],
  [id(2), 'حملة القانون'],
  [id(3), 'Budget hearing'],
  [id(4), 'Amendment'],
]);
const campaignOf = (campaignId: string) => {
  const name = names.get(campaignId);
  return name === undefined ? undefined : { name };
};
const compare = new Intl.Collator('en').compare;

describe('the campaigns a coalition card lists', () => {
  it('lists shared and received campaigns by name, each once, leaving out those gone', () => {
    const coalition = {
      sharedCampaigns: [{ campaignId: id(1), templateIds: [], sharedAt: '2026-12-07T05:00:00Z' }],
      status: coalitionStatusSchema.parse({ receivedCampaigns: [id(1), id(2), id(3), id(9)] }),
    };
    expect(coalitionCampaigns(coalition, campaignOf, compare)).toEqual({
      shared: [{ id: id(1), name: 'Ordinance 2026-14' }],
      received: [
        { id: id(3), name: 'Budget hearing' },
        { id: id(2), name: 'حملة القانون' },
      ],
    });
  });

  it('lists nothing received for a coalition that reported none (stored before the field)', () => {
    const coalition = { sharedCampaigns: [], status: coalitionStatusSchema.parse({}) };
    expect(coalitionCampaigns(coalition, campaignOf, compare)).toEqual({
      shared: [],
      received: [],
    });
  });
});
