/**
 * Saved "Add targets" filters, such as "all senators of state X": one value per facet (kind,
 * chamber, place, party, tag, organization), named, shared by every campaign.
 */
import { z } from 'zod';
import { CHAMBERS, CONTACT_KINDS } from './contact';

export const contactFilterSchema = z.strictObject({
  query: z.string().max(200).optional(),
  kind: z.enum(CONTACT_KINDS).optional(),
  chamber: z.enum(CHAMBERS).optional(),
  country: z.string().max(120).optional(),
  region: z.string().max(120).optional(),
  district: z.string().max(120).optional(),
  party: z.string().max(120).optional(),
  tag: z.string().max(60).optional(),
  organizationId: z.string().max(60).optional(),
});
export type ContactFilter = z.infer<typeof contactFilterSchema>;

export const savedFilterSchema = z.strictObject({
  id: z.string().min(1).max(60),
  name: z.string().trim().min(1).max(120),
  filter: contactFilterSchema,
});
export type SavedFilter = z.infer<typeof savedFilterSchema>;
