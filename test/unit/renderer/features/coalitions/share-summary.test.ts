import { describe, expect, it } from 'vitest';
import type { CampaignShare } from '@core/coalition/share-selection';
import { hasCodeNamed, hasNotes, shareCounts } from '@renderer/features/coalitions/share-summary';

const item = (kind: CampaignShare['items'][number]['kind'], record: Record<string, unknown>) => ({
  kind,
  record: { id: crypto.randomUUID(), ...record },
});

describe('the share summary', () => {
  it('counts each kind shared, campaign first, leaving out kinds with none', () => {
    const share: CampaignShare = {
      items: [
        item('campaign', {}),
        item('contact', { codeNamed: true, codeName: 'Falcon' }),
        item('contact', { displayName: 'Official' }),
        item('interaction', { notes: 'Met at the café' }),
        item('interaction', {}),
      ],
      missingCodeNames: [],
      withheldSensitive: 0,
    };
    expect(shareCounts(share)).toEqual([
      { kind: 'campaign', count: 1 },
      { kind: 'contact', count: 2 },
      { kind: 'interaction', count: 2 },
    ]);
    expect(hasCodeNamed(share)).toBe(true);
    expect(hasNotes(share)).toBe(true);
  });

  it('says when no contact is code-named and no entry has notes', () => {
    const share: CampaignShare = {
      items: [item('campaign', {}), item('interaction', { notes: undefined })],
      missingCodeNames: [],
      withheldSensitive: 0,
    };
    expect(hasCodeNamed(share)).toBe(false);
    expect(hasNotes(share)).toBe(false);
  });
});
