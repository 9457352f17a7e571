import {
  interactionInputSchema,
  type Interaction,
  type InteractionInput,
} from '../../domain/interaction';
import { Repository, type DataContext } from './repository';

export class InteractionRepository extends Repository<'interactions', InteractionInput> {
  constructor(context: DataContext) {
    super(context, 'interactions', interactionInputSchema);
  }

  forCampaign(campaignId: string): Interaction[] {
    return this.all().filter((interaction) => interaction.campaignId === campaignId);
  }

  forContact(contactId: string): Interaction[] {
    return this.all().filter((interaction) => interaction.contactId === contactId);
  }
}
