/**
 * The check an opened record passes before it may reach the workspace: the domain schema of its
 * kind (a contact may instead be a code-named projection; a letter travels without its file).
 * Top-level fields this version does not know are set aside, not refused: a member on a newer
 * version may have added some, and the replica keeps them for the merge.
 */
import { z } from 'zod';
import { campaignSchema } from '../domain/campaign';
import { idSchema, instantSchema } from '../domain/common';
import { CONTACT_KINDS, contactFields, contactSchema } from '../domain/contact';
import { interactionSchema } from '../domain/interaction';
import { letterSchema } from '../domain/letter';
import { organizationSchema } from '../domain/organization';
import { targetSchema } from '../domain/target';
import { templateSchema } from '../domain/template';
import { RefusedDocumentError } from './errors';
import type { SharedKind, SharedRecord } from './shared-record';

/** A contact as it travels without its identity (share-selection.ts). */
export const codeNamedContactSchema = z.object({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  kind: z.enum(CONTACT_KINDS),
  codeName: contactFields.codeName,
  codeNamed: z.literal(true),
});

/** A letter record as it travels: no file; no text when the addressee is code-named. */
export const sharedLetterSchema = letterSchema
  .omit({ fileName: true, docxSha256: true, renderedText: true })
  .extend({ renderedText: z.string().max(500_000).optional() })
  .strip();

const SCHEMAS: Readonly<Record<SharedKind, z.ZodType>> = {
  campaign: campaignSchema.strip(),
  target: targetSchema.strip(),
  // Code-named first: a record that says it is code-named is never taken as an identity.
  contact: z.union([codeNamedContactSchema, contactSchema.strip()]),
  organization: organizationSchema.strip(),
  interaction: interactionSchema.strip(),
  template: templateSchema.strip(),
  letter: sharedLetterSchema,
};

export interface CheckedRecord {
  /** The record as the workspace may store it. */
  record: SharedRecord;
  /** Top-level fields it had that this version does not know (kept in the replica only). */
  unknownFields: string[];
}

/**
 * Checks an opened record against its kind's schema; throws RefusedDocumentError
 * ('invalid-record', with the fields at fault) naming the document when it does not pass.
 */
export function checkSharedRecord(
  documentId: string,
  kind: SharedKind,
  record: SharedRecord,
): CheckedRecord {
  const checked = checkedRecordOf(documentId, kind, record);
  const unknownFields = Object.keys(record)
    .filter((name) => !(name in checked) && record[name] !== undefined)
    .sort();
  return { record: checked, unknownFields };
}

/** `checkSharedRecord`'s record alone: a pull takes in thousands and needs no more. */
export function checkedRecordOf(
  documentId: string,
  kind: SharedKind,
  record: SharedRecord,
): SharedRecord {
  const parsed = SCHEMAS[kind].safeParse(record);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
    throw new RefusedDocumentError(documentId, 'invalid-record', fields);
  }
  return parsed.data as SharedRecord;
}
