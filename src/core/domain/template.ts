import { z } from 'zod';
import {
  languageTagSchema,
  optionalText,
  recordBaseShape,
  requiredText,
  tagsSchema,
} from './common';

export const TEMPLATE_KINDS = ['letter', 'email', 'call-script', 'social-post'] as const;

export const templateFields = {
  name: requiredText(200),
  kind: z.enum(TEMPLATE_KINDS).default('letter'),
  language: languageTagSchema.default('en'),
  direction: z.enum(['ltr', 'rtl']).default('ltr'),
  subject: optionalText(500),
  /** The template text; its language (merge fields) arrives with the letters feature. */
  body: z.string().max(200_000).default(''),
  signature: optionalText(2_000),
  tags: tagsSchema,
  /** Raised on every edit of subject/body/signature: letters record the version they used. */
  version: z.number().int().min(1).default(1),
};

export const templateInputSchema = z.strictObject(templateFields);
export const templateSchema = z.strictObject({ ...recordBaseShape, ...templateFields });
export type TemplateInput = z.input<typeof templateInputSchema>;
export type Template = z.output<typeof templateSchema>;
