import { z } from 'zod';
import { idSchema, optionalText, recordBaseShape } from './common';

export const LETTER_STATUSES = ['draft', 'sent', 'delivered', 'answered'] as const;

export const letterFields = {
  campaignId: idSchema.optional(),
  templateId: idSchema.optional(),
  templateVersion: z.number().int().min(1).optional(),
  contactId: idSchema,
  targetId: idSchema.optional(),
  subject: optionalText(500),
  /** What the letter said, as generated: the record stays true if the template changes. */
  renderedText: z.string().max(500_000),
  status: z.enum(LETTER_STATUSES).default('draft'),
  /** SHA-256 of the DOCX bytes, hex: checks a file later against what was generated. */
  docxSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest')
    .optional(),
  fileName: optionalText(255),
};

export const letterInputSchema = z.strictObject(letterFields);
export const letterSchema = z.strictObject({ ...recordBaseShape, ...letterFields });
export type LetterInput = z.input<typeof letterInputSchema>;
export type Letter = z.output<typeof letterSchema>;
