import { describe, expect, it } from 'vitest';
import { toBase64 } from '@core/crypto/bytes';
import { newCoalitionKey } from '@core/coalition/coalition-key';
import { coalitionSchema } from '@core/domain/coalition';

const AT = '2026-12-07T10:00:00.000Z';
const valid = () => ({
  id: crypto.randomUUID(),
  createdAt: AT,
  updatedAt: AT,
  name: 'Rainbow',
  transport: { kind: 'files' },
  key: toBase64(newCoalitionKey()),
  memberId: crypto.randomUUID(),
});
const problems = (value: unknown) =>
  coalitionSchema.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('a stored coalition', () => {
  it('fills in no retired keys, no shared campaigns and an empty status', () => {
    expect(coalitionSchema.parse(valid())).toMatchObject({
      retiredKeyIds: [],
      sharedCampaigns: [],
      status: { pendingChanges: 0, refusedCount: 0 },
    });
  });

  it('refuses a key of the wrong size, a malformed key id and a campaign shared twice', () => {
    const campaignId = crypto.randomUUID();
    const shared = { campaignId, sharedAt: AT };
    expect(problems({ ...valid(), key: toBase64(new Uint8Array(16)) })).toEqual(['key']);
    expect(problems({ ...valid(), retiredKeyIds: ['not-hex'] })).toEqual(['retiredKeyIds.0']);
    expect(problems({ ...valid(), sharedCampaigns: [shared, shared] })).toEqual([
      'sharedCampaigns',
    ]);
    expect(
      problems({ ...valid(), status: { lastError: { problem: 'bad-luck', at: AT } } }),
    ).toEqual(['status.lastError.problem']);
  });
});
