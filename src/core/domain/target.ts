import { z } from 'zod';
import { idSchema, instantSchema, optionalText, recordBaseShape } from './common';

export const STANCES = [
  'champion',
  'supportive',
  'undecided',
  'opposed',
  'hostile',
  'unknown',
] as const;

export const stanceChangeSchema = z.strictObject({
  at: instantSchema,
  from: z.enum(STANCES),
  to: z.enum(STANCES),
  /** Who made the change: a person's name in the group, free text. */
  by: optionalText(120),
  note: optionalText(2_000),
});

export const targetFields = {
  campaignId: idSchema,
  contactId: idSchema,
  stance: z.enum(STANCES).default('unknown'),
  priority: z.number().int().min(1).max(5).default(3),
  stanceHistory: z.array(stanceChangeSchema).default([]),
  notes: optionalText(5_000),
};

export const targetInputSchema = z.strictObject(targetFields);
export const targetSchema = z.strictObject({ ...recordBaseShape, ...targetFields });
export type TargetInput = z.input<typeof targetInputSchema>;
export type Target = z.output<typeof targetSchema>;
export type Stance = (typeof STANCES)[number];
export type StanceChange = z.output<typeof stanceChangeSchema>;
