import { describe, expect, it } from 'vitest';
import {
  departuresOf,
  localChangeOf,
  prepareChanges,
  prepareChangeSteps,
  NO_RECEIVED,
} from '@core/coalition/sync/workspace-records';
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

  it('prepares in steps, one per record, to the same changes (the page runs them in slices)', () => {
    const records = [
      { documentId: 'bad', kind: 'campaign' as const, record: { id: 'x' }, removed: false },
      { documentId: 'gone', kind: 'campaign' as const, record: { id: OWN }, removed: true },
      {
        documentId: 'new',
        kind: 'campaign' as const,
        record: { id: ALIAS, name: 'Ordinance 2026-14', createdAt: AT, updatedAt: AT },
        removed: false,
      },
    ];
    const steps = prepareChangeSteps(records, owned, none);
    let paused = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) paused++;
    expect(paused).toBe(records.length);
    expect(step.value).toEqual(prepareChanges(records, owned, none));
    expect(step.value.refused.map((refusal) => refusal.documentId)).toEqual(['bad']);
    expect(step.value.changes.map((change) => change.action)).toEqual(['put']);
  });
});

describe('why a record left the snapshot', () => {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const records = new Map<string, Record<string, unknown>>([
    [`contacts/${OWN}`, { id: OWN, kind: 'volunteer' }],
    [`contacts/${id(3)}`, { id: id(3), kind: 'official' }],
    [`contacts/${id(4)}`, { id: id(4), kind: 'journalist' }],
    [`contacts/${id(5)}`, { id: id(5), kind: 'official', sensitive: true }],
    [`contacts/${id(6)}`, { id: id(6), kind: 'ally', shareIdentity: true }],
    [`targets/${id(7)}`, { id: id(7), contactId: id(3) }],
    [`interactions/${id(8)}`, { id: id(8), contactId: id(5) }],
    [`templates/${id(9)}`, { id: id(9) }],
  ]);
  const current = (table: string, key: string) => records.get(`${table}/${key}`);
  const departures = (refs: Parameters<typeof departuresOf>[0]) =>
    departuresOf(refs, owned, NO_RECEIVED, new Map(), current);

  it('keeps what is only no longer shared: unreferenced contacts, targets, templates', () => {
    expect(
      departures([
        { kind: 'contact', id: ALIAS },
        { kind: 'contact', id: id(3) },
        { kind: 'contact', id: id(6) },
        { kind: 'target', id: id(7) },
        { kind: 'template', id: id(9) },
      ]),
    ).toEqual(['withdrawn', 'withdrawn', 'withdrawn', 'withdrawn', 'withdrawn']);
  });

  it('deletes what is gone, made sensitive, about a sensitive contact, or whose identity was taken back', () => {
    expect(
      departures([
        { kind: 'template', id: id(10) },
        { kind: 'contact', id: id(11) },
        { kind: 'contact', id: id(5) },
        { kind: 'interaction', id: id(8) },
        // Travelled whole (under its own id), no longer shares its identity.
        { kind: 'contact', id: id(4) },
      ]),
    ).toEqual(['deleted', 'deleted', 'deleted', 'deleted', 'deleted']);
    // Received whole, or given "share identity" as an option: still shared whole.
    expect(
      departuresOf(
        [{ kind: 'contact', id: id(4) }],
        owned,
        { codeNamed: new Set(), whole: new Set([id(4)]) },
        new Map(),
        current,
      ),
    ).toEqual(['withdrawn']);
    expect(
      departuresOf(
        [{ kind: 'contact', id: id(4) }],
        owned,
        NO_RECEIVED,
        new Map([[id(4), { shareIdentity: true }]]),
        current,
      ),
    ).toEqual(['withdrawn']);
  });
});
