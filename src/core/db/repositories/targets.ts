import { targetInputSchema, type Stance, type Target, type TargetInput } from '../../domain/target';
import { NotFoundError, Repository, type DataContext } from './repository';

export class TargetRepository extends Repository<'targets', TargetInput> {
  constructor(context: DataContext) {
    super(context, 'targets', targetInputSchema);
  }

  forCampaign(campaignId: string): Target[] {
    return this.all().filter((target) => target.campaignId === campaignId);
  }

  /**
   * Makes contacts targets of a campaign, in one commit; contacts already targeted (or
   * named twice) are skipped and counted.
   */
  async addContacts(
    campaignId: string,
    contactIds: readonly string[],
    defaults: { stance?: Stance; priority?: number } = {},
  ): Promise<{ added: number; alreadyTargets: number }> {
    if (!this.store.get('campaigns', campaignId)) throw new NotFoundError('Campaign', campaignId);
    const targeted = new Set(this.forCampaign(campaignId).map((target) => target.contactId));
    const records: Target[] = [];
    let alreadyTargets = 0;
    for (const contactId of contactIds) {
      if (!this.store.get('contacts', contactId)) throw new NotFoundError('Contact', contactId);
      if (targeted.has(contactId)) {
        alreadyTargets += 1;
        continue;
      }
      targeted.add(contactId);
      records.push(this.prepareCreate({ campaignId, contactId, ...defaults }));
    }
    await this.store.commit(records.map((record) => this.put(record)));
    return { added: records.length, alreadyTargets };
  }

  /** Changes the stance and keeps the change in the stance history. */
  async setStance(id: string, stance: Stance, by?: string, note?: string): Promise<Target> {
    const target = this.require(id);
    if (target.stance === stance) return target;
    const change = {
      at: this.now(),
      from: target.stance,
      to: stance,
      by,
      note,
    };
    return this.update(id, { stance, stanceHistory: [...target.stanceHistory, change] });
  }
}
