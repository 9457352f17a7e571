import { targetInputSchema, type Stance, type Target, type TargetInput } from '../../domain/target';
import { Repository, type DataContext } from './repository';

export class TargetRepository extends Repository<'targets', TargetInput> {
  constructor(context: DataContext) {
    super(context, 'targets', targetInputSchema);
  }

  forCampaign(campaignId: string): Target[] {
    return this.all().filter((target) => target.campaignId === campaignId);
  }

  /** Changes the stance and keeps the change in the stance history. */
  async setStance(id: string, stance: Stance, by?: string, note?: string): Promise<Target> {
    const target = this.require(id);
    if (target.stance === stance) return target;
    const change = {
      at: this.context.clock.now().toISOString(),
      from: target.stance,
      to: stance,
      by,
      note,
    };
    return this.update(id, { stance, stanceHistory: [...target.stanceHistory, change] });
  }
}
