import { z } from 'zod';
import {
  calendarDateSchema,
  idSchema,
  instantSchema,
  optionalText,
  recordBaseShape,
} from './common';

export const INTERACTION_KINDS = [
  'letter',
  'email',
  'call',
  'meeting',
  'event',
  'social',
  'other',
] as const;
export const DIRECTIONS = ['outgoing', 'incoming'] as const;

export const interactionFields = {
  campaignId: idSchema.optional(),
  contactId: idSchema,
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(DIRECTIONS).default('outgoing'),
  occurredAt: instantSchema,
  outcome: optionalText(2_000),
  notes: optionalText(20_000),
  followUpDate: calendarDateSchema.optional(),
  followUpDone: z.boolean().default(false),
  letterId: idSchema.optional(),
};

export const interactionInputSchema = z.strictObject(interactionFields);
export const interactionSchema = z.strictObject({ ...recordBaseShape, ...interactionFields });
export type InteractionInput = z.input<typeof interactionInputSchema>;
export type Interaction = z.output<typeof interactionSchema>;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
