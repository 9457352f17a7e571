/** Every kind of stored record, with the schema that checks each write. */
import type { z } from 'zod';
import { campaignSchema } from './campaign';
import { coalitionSchema } from './coalition';
import { contactSchema } from './contact';
import { interactionSchema } from './interaction';
import { letterSchema } from './letter';
import { organizationSchema } from './organization';
import { settingsRecordSchema } from './settings';
import { targetSchema } from './target';
import { templateSchema } from './template';

export const ENTITY_SCHEMAS = {
  organizations: organizationSchema,
  contacts: contactSchema,
  campaigns: campaignSchema,
  targets: targetSchema,
  interactions: interactionSchema,
  templates: templateSchema,
  letters: letterSchema,
  settings: settingsRecordSchema,
  /** The coalitions the workspace belongs to, each with its key (docs/coalition.md). */
  coalitions: coalitionSchema,
} as const;

export type EntityTable = keyof typeof ENTITY_SCHEMAS;
export type EntityOf<T extends EntityTable> = z.output<(typeof ENTITY_SCHEMAS)[T]>;
export const ENTITY_TABLES = Object.keys(ENTITY_SCHEMAS) as EntityTable[];
