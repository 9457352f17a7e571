import { z } from 'zod';
import { optionalText, recordBaseShape, requiredText, tagsSchema } from './common';

export const ORGANIZATION_KINDS = [
  'ngo',
  'legal-aid',
  'counseling',
  'government-body',
  'media',
  'other',
] as const;

export const organizationFields = {
  name: requiredText(200),
  kind: z.enum(ORGANIZATION_KINDS).default('other'),
  website: optionalText(300),
  country: optionalText(120),
  tags: tagsSchema,
  notes: optionalText(20_000),
};

export const organizationInputSchema = z.strictObject(organizationFields);
export const organizationSchema = z.strictObject({ ...recordBaseShape, ...organizationFields });
export type OrganizationInput = z.input<typeof organizationInputSchema>;
export type Organization = z.output<typeof organizationSchema>;
