import type { CampaignInput } from '../../domain/campaign';
import { campaignInputSchema } from '../../domain/campaign';
import type { Change } from '../record-store';
import { Repository, type DataContext } from './repository';

export class CampaignRepository extends Repository<'campaigns', CampaignInput> {
  constructor(context: DataContext) {
    super(context, 'campaigns', campaignInputSchema);
  }

  /** Deletes the campaign with its targets, interactions and letters, all or nothing. */
  async removeWithDependents(id: string): Promise<void> {
    this.require(id);
    const changes: Change[] = [{ table: 'campaigns', delete: id }];
    for (const table of ['targets', 'interactions', 'letters'] as const) {
      for (const record of this.store.all(table)) {
        if (record.campaignId === id) changes.push({ table, delete: record.id });
      }
    }
    await this.store.commit(changes);
  }
}
