/** What the share screen lists: how many records of each kind sharing a campaign sends. */
import type { CampaignShare } from '@core/coalition/share-selection';
import { SHARED_KINDS, type SharedKind } from '@core/coalition/shared-record';

export interface ShareCount {
  kind: SharedKind;
  count: number;
}

/** The kinds the share holds, in the core's order (campaign first), with their counts. */
export function shareCounts(share: CampaignShare): ShareCount[] {
  return SHARED_KINDS.map((kind) => ({
    kind,
    count: share.items.filter((item) => item.kind === kind).length,
  })).filter((entry) => entry.count > 0);
}

/** Whether the share holds contacts sent under their code name only. */
export const hasCodeNamed = (share: CampaignShare): boolean =>
  share.items.some((item) => item.kind === 'contact' && item.record['codeNamed'] === true);

/** Whether the share holds outreach entries with notes (they travel as written). */
export const hasNotes = (share: CampaignShare): boolean =>
  share.items.some((item) => item.kind === 'interaction' && Boolean(item.record['notes']));
