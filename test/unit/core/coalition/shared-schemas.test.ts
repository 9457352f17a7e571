import { describe, expect, it } from 'vitest';
import {
  campaignSchema,
  contactSchema,
  interactionSchema,
  letterSchema,
  organizationSchema,
  targetSchema,
  templateSchema,
} from '@core/index';
import { RefusedDocumentError } from '@core/coalition/errors';
import { campaignShare } from '@core/coalition/share-selection';
import { checkSharedRecord, checkedRecordOf } from '@core/coalition/shared-schemas';
import type { SharedKind, SharedRecord } from '@core/coalition/shared-record';

const AT = '2026-11-01T09:00:00.000Z';
let counter = 0;
const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const base = () => ({ id: id(), createdAt: AT, updatedAt: AT });
const DOC = 'f'.repeat(64);

function refusal(kind: SharedKind, record: SharedRecord): RefusedDocumentError {
  try {
    checkSharedRecord(DOC, kind, record);
  } catch (error) {
    expect(error).toBeInstanceOf(RefusedDocumentError);
    return error as RefusedDocumentError;
  }
  throw new Error('expected a refusal');
}

describe('checking a shared record before it reaches the workspace', () => {
  it('passes everything a campaign share sends, unchanged', () => {
    const council = organizationSchema.parse({ ...base(), name: 'City Council' });
    const official = contactSchema.parse({
      ...base(),
      kind: 'official',
      displayName: 'Grace Okafor',
      organizationId: council.id,
    });
    const ally = contactSchema.parse({
      ...base(),
      kind: 'ally',
      displayName: 'دانة',
      codeName: 'Owl',
    });
    const template = templateSchema.parse({ ...base(), name: 'Ask' });
    const campaign = campaignSchema.parse({
      ...base(),
      name: 'Ordinance',
      tasks: [{ id: id(), title: 'Call', ownerContactId: ally.id }],
    });
    const letter = (contactId: string) =>
      letterSchema.parse({
        ...base(),
        campaignId: campaign.id,
        templateId: template.id,
        contactId,
        renderedText: 'Dear',
        fileName: 'x.docx',
      });
    const share = campaignShare(campaign.id, {
      campaigns: [campaign],
      contacts: [official, ally],
      organizations: [council],
      targets: [targetSchema.parse({ ...base(), campaignId: campaign.id, contactId: official.id })],
      interactions: [
        interactionSchema.parse({
          ...base(),
          campaignId: campaign.id,
          contactId: ally.id,
          kind: 'call',
          occurredAt: AT,
        }),
      ],
      templates: [template],
      letters: [letter(official.id), letter(ally.id)],
    });
    expect(share.items).toHaveLength(9);
    for (const { kind, record } of share.items) {
      expect(checkSharedRecord(DOC, kind, record)).toEqual({ record, unknownFields: [] });
    }
  });

  it('sets aside top-level fields this version does not know', () => {
    const contact = contactSchema.parse({ ...base(), displayName: 'Grace Okafor' });
    const checked = checkSharedRecord(DOC, 'contact', { ...contact, pronouns: 'she/her' });
    expect(checked).toEqual({ record: contact, unknownFields: ['pronouns'] });
  });

  it('takes a record that says it is code-named as code-named, identity fields set aside', () => {
    const record = {
      ...base(),
      kind: 'ally',
      codeName: 'Owl',
      codeNamed: true,
      displayName: 'Dana',
    };
    const checked = checkSharedRecord(DOC, 'contact', record);
    expect(checked.record).not.toHaveProperty('displayName');
    expect(checked.unknownFields).toEqual(['displayName']);
  });

  it('refuses an invalid record, naming the document and the fields at fault', () => {
    const nameless = refusal('contact', { ...base(), kind: 'ally' });
    expect(nameless.documentId).toBe(DOC);
    expect(nameless.reason).toBe('invalid-record');
    expect(nameless.fields).toContain('displayName');
    const target = targetSchema.parse({ ...base(), campaignId: id(), contactId: id() });
    expect(refusal('target', { ...target, stance: 'bribed' }).fields).toEqual(['stance']);
    expect(refusal('campaign', { id: 'not-a-uuid' }).fields).toEqual(
      expect.arrayContaining(['id', 'createdAt', 'name']),
    );
  });
});

describe('checkedRecordOf', () => {
  it("gives checkSharedRecord's record, and refuses as it does", () => {
    const record = {
      ...base(),
      contactId: id(),
      kind: 'call',
      occurredAt: AT,
      notes: '  مكالمة  ',
      outcome: '',
      futureField: 1,
    };
    const checked = checkedRecordOf(DOC, 'interaction', record);
    expect(checked).toEqual(checkSharedRecord(DOC, 'interaction', record).record);
    expect(checked).toMatchObject({ notes: 'مكالمة', direction: 'outgoing', followUpDone: false });
    expect(checked).not.toHaveProperty('futureField');
    const invalid = { ...record, occurredAt: 'yesterday' };
    const expected = refusal('interaction', invalid);
    expect(() => checkedRecordOf(DOC, 'interaction', invalid)).toThrow(expected.message);
  });
});
