/** The outreach log's filters: kind, direction, contact and a range of days. */
import type { Interaction } from '@core/domain/interaction';
import { dayIn, type Day } from '@core/planner';

export interface InteractionFilter {
  kind?: Interaction['kind'];
  direction?: Interaction['direction'];
  contactId?: string;
  /** Inclusive days in `timeZone`. */
  from?: Day;
  to?: Day;
}

export function filterInteractions(
  interactions: readonly Interaction[],
  filter: InteractionFilter,
  timeZone: string,
): Interaction[] {
  return interactions.filter((interaction) => {
    if (filter.kind && interaction.kind !== filter.kind) return false;
    if (filter.direction && interaction.direction !== filter.direction) return false;
    if (filter.contactId && interaction.contactId !== filter.contactId) return false;
    if (filter.from || filter.to) {
      const day = dayIn(new Date(interaction.occurredAt), timeZone);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
    }
    return true;
  });
}
