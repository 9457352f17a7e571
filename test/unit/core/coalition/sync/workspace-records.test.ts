import { describe, expect, it } from 'vitest';
import { localChangeOf, prepareChanges } from '@core/coalition/sync/workspace-records';
import type { SharedRecord } from '@core/coalition/shared-record';

const AT = '2026-11-01T09:00:00.000Z';
const OWN = '00000000-0000-4000-8000-000000000001';
const ALIAS = '00000000-0000-4000-8000-0000000000aa';
const owned = new Map([[ALIAS, OWN]]);
const none = () => undefined;

describe('incoming records as local changes', () => {
  it('maps the alias of an own contact back, and keeps the owner’s identity', () => {
    const interaction = { id: '00000000-0000-4000-8000-000000000002', contactId: ALIAS };
    expect(
      localChangeOf(
        { documentId: 'd', kind: 'interaction', record: interaction, removed: false },
        owned,
        none,
      ),
    ).toMatchObject({ action: 'put', record: { contactId: OWN } });
    const copy = { id: ALIAS, codeNamed: true, codeName: 'Falcon' };
    expect(
      localChangeOf(
        { documentId: 'd', kind: 'contact', record: copy, removed: false },
        owned,
        none,
      ),
    ).toEqual({
      action: 'keep',
    });
  });

  it('stores a code-named contact under its code name, and a letter keeps its local file', () => {
    const contact = {
      id: '00000000-0000-4000-8000-0000000000bb',
      createdAt: AT,
      updatedAt: AT,
      kind: 'ally',
      codeName: 'Owl',
      codeNamed: true,
    };
    const prepared = prepareChanges(
      [{ documentId: 'd', kind: 'contact', record: contact, removed: false }],
      owned,
      none,
    );
    expect(prepared.changes[0]).toMatchObject({
      action: 'put',
      received: 'codeNamed',
      record: { id: contact.id, displayName: 'Owl', codeName: 'Owl', sensitive: false },
    });
    expect(prepared.changes[0]?.action === 'put' && 'codeNamed' in prepared.changes[0].record).toBe(
      false,
    );

    const local: SharedRecord = {
      id: '00000000-0000-4000-8000-0000000000cc',
      fileName: 'a.docx',
      renderedText: 'Dear X',
    };
    const letter = { id: local.id, contactId: OWN };
    expect(
      localChangeOf(
        { documentId: 'd', kind: 'letter', record: letter, removed: false },
        owned,
        () => local,
      ),
    ).toMatchObject({ action: 'put', record: { fileName: 'a.docx', renderedText: 'Dear X' } });
  });

  it('refuses a record the stored schema does not take, and deletes only what exists', () => {
    const bad = { id: 'not-a-uuid', name: '' };
    const prepared = prepareChanges(
      [
        { documentId: 'bad', kind: 'campaign', record: bad, removed: false },
        { documentId: 'gone', kind: 'campaign', record: { id: OWN }, removed: true },
      ],
      owned,
      none,
    );
    expect(prepared.refused.map((r) => [r.documentId, r.reason])).toEqual([
      ['bad', 'invalid-record'],
    ]);
    expect(prepared.changes).toEqual([]);
    expect(prepared.kept).toBe(1);
  });
});
