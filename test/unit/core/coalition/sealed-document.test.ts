import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '@core/crypto/bytes';
import { seal } from '@core/crypto/sealed';
import {
  deriveCoalitionKeys,
  documentIdOf,
  newCoalitionKey,
  type CoalitionKeys,
} from '@core/coalition/coalition-key';
import { compactBody } from '@core/coalition/compact-body';
import { RefusedDocumentError, type RefusalReason } from '@core/coalition/errors';
import { formatHlc } from '@core/coalition/hlc';
import { bucketSize } from '@core/coalition/padding';
import { stampEdit } from '@core/coalition/record-clocks';
import {
  openDocument,
  openDocuments,
  sealDocument,
  type DocumentBody,
  type SealedDocument,
} from '@core/coalition/sealed-document';
import type { SharedRecord } from '@core/coalition/shared-record';
import { SAMPLE_MEMBER, documentBody, sampleInteraction } from './document-bodies';

const CONTACT_ID = '0c3a4b5c-0000-4000-8000-0000000000c1';
const OTHER_ID = '0c3a4b5c-0000-4000-8000-0000000000c2';
const HLC = formatHlc({ wall: Date.parse('2026-12-01T10:00:00Z'), counter: 0, member: 'm-amal' });

function body(record: SharedRecord): DocumentBody {
  const { clocks } = stampEdit('contact', undefined, record, HLC);
  return { kind: 'contact', record, clocks, hlc: HLC, author: 'm-amal' };
}

const official = (fields: Record<string, unknown> = {}): SharedRecord => ({
  id: CONTACT_ID,
  kind: 'official',
  displayName: 'Grace Okafor',
  notes: 'Marker-Latin-7731 met at the hearing',
  ...fields,
});

async function refusal(promise: Promise<unknown>): Promise<RefusedDocumentError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RefusedDocumentError);
  return error as RefusedDocumentError;
}

async function expectRefused(promise: Promise<unknown>, id: string, reason: RefusalReason) {
  const error = await refusal(promise);
  expect({ documentId: error.documentId, reason: error.reason }).toEqual({
    documentId: id,
    reason,
  });
}

function flipByte(base64: string, at: number): string {
  const bytes = fromBase64(base64);
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return toBase64(bytes);
}

describe('sealed documents', () => {
  it('round-trips a record; the document holds neither its id nor its text', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const original = body(official({ displayName: 'سلمى الخطيب' }));
    const document = await sealDocument(keys, original);
    expect(await openDocument(document, keys)).toEqual(original);
    const stored = JSON.stringify(document);
    for (const secret of [CONTACT_ID, 'سلمى', 'Marker-Latin-7731', 'official', 'contact', 'm-amal'])
      expect(stored).not.toContain(secret);
    expect(Object.keys(document).sort()).toEqual(['_id', 'data', 'iv', 'key', 'v']);
    expect(document._id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips a deleted record: its deletion clock travels sealed', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const deleted = { ...body(official()), clocks: { ...body(official()).clocks, removed: HLC } };
    expect(await openDocument(await sealDocument(keys, deleted), keys)).toEqual(deleted);
  });

  it('refuses an altered document, naming it, and a relabelled one', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const document = await sealDocument(keys, body(official()));
    await expectRefused(
      openDocument({ ...document, data: flipByte(document.data, 40) }, keys),
      document._id,
      'altered',
    );
    await expectRefused(
      openDocument({ ...document, iv: flipByte(document.iv, 0) }, keys),
      document._id,
      'altered',
    );
    const truncated = toBase64(fromBase64(document.data).subarray(0, 500));
    await expectRefused(
      openDocument({ ...document, data: truncated }, keys),
      document._id,
      'altered',
    );
  });

  it('refuses a body moved to another document id', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const document = await sealDocument(keys, body(official()));
    const otherId = documentIdOf(keys, 'contact', OTHER_ID);
    // Copied on the server: the associated data no longer matches.
    await expectRefused(openDocument({ ...document, _id: otherId }, keys), otherId, 'altered');
    // Sealed by a key holder for the other id: it opens, but belongs elsewhere.
    const opened = await openDocument(document, keys);
    const forged = await sealForId(keys, compactBody(opened), otherId);
    await expectRefused(openDocument(forged, keys), otherId, 'moved');
    await expectRefused(
      openDocument(await sealForId(keys, opened, otherId, 1), keys),
      otherId,
      'moved',
    );
  });

  it('refuses a document of another coalition as foreign, and one of a retired key as old', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const retired = await deriveCoalitionKeys(newCoalitionKey());
    const foreign = await deriveCoalitionKeys(newCoalitionKey());
    const old = await sealDocument(retired, body(official()));
    await expectRefused(
      openDocument(old, keys, { retiredKeyIds: [retired.keyId] }),
      old._id,
      'old-key',
    );
    const theirs = await sealDocument(foreign, body(official()));
    await expectRefused(
      openDocument(theirs, keys, { retiredKeyIds: [retired.keyId] }),
      theirs._id,
      'foreign',
    );
    // Relabelled with our key id, it still does not open.
    await expectRefused(openDocument({ ...theirs, key: keys.keyId }, keys), theirs._id, 'altered');
  });

  it('refuses what is not a sealed document, and a format from a newer version', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const document = await sealDocument(keys, body(official()));
    await expectRefused(openDocument({ _id: 'x', name: 'plain' }, keys), 'x', 'malformed');
    await expectRefused(openDocument(null, keys), '', 'malformed');
    await expectRefused(
      openDocument({ ...document, data: '***' }, keys),
      document._id,
      'malformed',
    );
    await expectRefused(openDocument({ ...document, v: 3 }, keys), document._id, 'newer-format');
  });

  it('refuses a body that opens but is not a valid one (a faulty or hostile member)', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const document = await sealDocument(keys, body(official()));
    const opened = await openDocument(document, keys);
    const later = formatHlc({
      wall: Date.parse('2026-12-02T10:00:00Z'),
      counter: 0,
      member: 'm-x',
    });
    for (const bad of [
      { ...opened, hlc: 'yesterday' },
      { ...opened, hlc: later },
      { ...opened, kind: 'person' },
      { ...opened, author: '' },
      { ...opened, author: 'm amal' },
      { ...opened, extra: true },
      { ...opened, record: { ...opened.record, id: '' } },
      { ...opened, record: [opened.record] },
      { ...opened, clocks: { ...opened.clocks, extra: {} } },
      { ...opened, clocks: { ...opened.clocks, removed: 'later' } },
      { ...opened, clocks: { ...opened.clocks, removed: null } },
      { ...opened, clocks: { items: {}, fields: { ...opened.clocks.fields, notes: 'now' } } },
      { ...opened, clocks: { fields: opened.clocks.fields } },
      { ...opened, clocks: { ...opened.clocks, items: { tasks: [] } } },
      ...[
        { added: 'x', written: HLC },
        { added: '', written: '' },
        { added: '', written: HLC, place: -1 },
        { added: '', written: HLC, place: 1.5 },
        { added: '', written: HLC, place: 1_000_001 },
        { added: '', written: HLC, deleted: false },
        { added: '', written: HLC, note: 'x' },
      ].map((item) => ({
        ...opened,
        clocks: { ...opened.clocks, items: { tasks: { t1: item } } },
      })),
      [opened],
    ]) {
      const forged = await sealForId(keys, bad, document._id, 1);
      await expectRefused(openDocument(forged, keys), document._id, 'malformed');
    }
  });

  it('opens a body with every optional clock field', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const document = await sealDocument(keys, body(official()));
    const opened = await openDocument(document, keys);
    const full = {
      ...opened,
      clocks: {
        ...opened.clocks,
        items: { tasks: { t1: { added: HLC, written: HLC, place: 1_000_000, deleted: true } } },
        removed: HLC,
      },
    };
    const forged = await sealForId(keys, full, document._id, 1);
    expect(await openDocument(forged, keys)).toEqual(full);
  });

  it('pads bodies to size buckets: a Latin and an Arabic contact of similar length look alike', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const latin = await sealDocument(
      keys,
      body(
        official({
          displayName: 'Salma Khatib',
          notes:
            'Met at the hearing on housing; supportive of the ordinance, wants data on evictions.',
        }),
      ),
    );
    const arabic = await sealDocument(
      keys,
      body(
        official({
          displayName: 'سلمى الخطيب',
          notes: 'التقينا في جلسة الاستماع حول السكن؛ تؤيد القانون وتريد أرقاماً عن حالات الإخلاء.',
        }),
      ),
    );
    expect(latin.data.length).toBe(arabic.data.length);
    expect(fromBase64(latin.data).byteLength).toBe(bucketSize(1) + 16);
    const long = await sealDocument(keys, body(official({ notes: 'x'.repeat(3000) })));
    expect(fromBase64(long.data).byteLength).toBe(4096 + 16);
  });
});

describe('format 2 beside version 1', () => {
  it('opens the documents version 1 wrote (main 9332c1a), bodies exactly as they were', async () => {
    const keys = await deriveCoalitionKeys(fromBase64(V1.coalitionKey));
    expect(V1.documents.map(({ document }) => document.v)).toEqual(V1.documents.map(() => 1));
    for (const { document, body } of V1.documents)
      expect(JSON.stringify(await openDocument(document, keys))).toBe(body);
    // Relabelled as format 2 it does not open: the version is associated data.
    const first = must(V1.documents[0]).document;
    await expectRefused(openDocument({ ...first, v: 2 }, keys), first._id, 'altered');
  });

  it('seals format 2, and any body opens exactly as sealed', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    await fc.assert(
      fc.asyncProperty(documentBody, async (body) => {
        const document = await sealDocument(keys, body);
        expect(document.v).toBe(2);
        expect(JSON.stringify(await openDocument(document, keys))).toBe(JSON.stringify(body));
      }),
      { numRuns: 150 },
    );
  });

  it('stores an interaction shared by a member with a UUID in a 512-byte bucket', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const member = SAMPLE_MEMBER;
    const at = formatHlc({ wall: Date.parse('2026-12-01T10:00:00Z'), counter: 0, member });
    const record = sampleInteraction('Call 4: asked about the ordinance');
    const { clocks } = stampEdit('interaction', undefined, record, at);
    const document = await sealDocument(keys, {
      kind: 'interaction',
      record,
      clocks,
      author: member,
    });
    expect(fromBase64(document.data).byteLength).toBe(512 + 16);
    expect(JSON.stringify(document).length).toBeLessThan(900);
  });

  it('refuses a format 2 body that is not valid, and either format labelled as the other', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const document = await sealDocument(keys, body(official()));
    const opened = await openDocument(document, keys);
    const good = compactBody(opened);
    const t = good.t[0] ?? '';
    for (const bad of [
      opened,
      { ...good, a: 1 },
      { ...good, m: ['m amal'] },
      { ...good, t: [t.replace(/:0$/, ':1')] },
      { ...good, t: [t.toUpperCase()] },
      { ...good, f: 1 },
      { ...good, g: { id: 0 } },
      { ...good, i: { tasks: { t1: [0, 0, -1] } } },
      { ...good, x: 3 },
      { ...good, hlc: opened.hlc },
      { ...good, k: 'person' },
    ]) {
      const forged = await sealForId(keys, bad, document._id);
      await expectRefused(openDocument(forged, keys), document._id, 'malformed');
    }
    const labelled = await sealForId(keys, good, document._id, 1);
    await expectRefused(openDocument(labelled, keys), document._id, 'malformed');
  });
});

/** Documents main 9332c1a sealed (format 1), and each body as it opened there. */
const V1 = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../../../fixtures/coalition/v1-documents.json'),
    'utf8',
  ),
) as { coalitionKey: string; documents: { document: SealedDocument; body: string }[] };

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

/**
 * What a member holding the key could write: any body, sealed under a chosen document id, as
 * format `version` (1: DocumentBody as JSON; 2: the compact body).
 */
async function sealForId(
  keys: CoalitionKeys,
  body: unknown,
  id: string,
  version: 1 | 2 = 2,
): Promise<SealedDocument> {
  const sealed = await seal(
    keys.sealKey,
    utf8.encode(JSON.stringify(body)),
    `tadamun:coalition-document:${version}:${keys.keyId}:${id}`,
  );
  return {
    _id: id,
    v: version,
    key: keys.keyId,
    iv: toBase64(sealed.iv),
    data: toBase64(new Uint8Array(sealed.data)),
  };
}

describe('openDocuments', () => {
  it('opens each document of a batch as openDocument does: the body, or the same refusal', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    const retired = await deriveCoalitionKeys(newCoalitionKey());
    const foreign = await deriveCoalitionKeys(newCoalitionKey());
    const document = await sealDocument(keys, body(official()));
    // Texts that end in spaces inside the JSON: stripping the padding leaves them whole.
    const spaced = await sealDocument(
      keys,
      body(official({ id: OTHER_ID, notes: 'ends in spaces   ', displayName: 'ليلى   ' })),
    );
    const otherId = documentIdOf(keys, 'contact', OTHER_ID);
    const opened = await openDocument(document, keys);
    const batch: unknown[] = [
      document,
      { ...document, data: flipByte(document.data, 40) },
      { ...document, _id: otherId },
      await sealForId(keys, compactBody(opened), otherId),
      await sealForId(keys, opened, otherId, 1),
      await sealDocument(retired, body(official())),
      await sealDocument(foreign, body(official())),
      null,
      { _id: 'x', name: 'plain' },
      { ...document, data: '***' },
      { ...document, v: 3 },
      { ...document, key: document.key.toUpperCase() },
      await sealForId(keys, { ...compactBody(opened), a: 5 }, document._id),
      spaced,
    ];
    const options = { retiredKeyIds: [retired.keyId] };
    const results = await openDocuments(batch, keys, options);
    expect(results).toHaveLength(batch.length);
    for (const [index, document] of batch.entries()) {
      const one = await openDocument(document, keys, options).then(
        (opened) => opened,
        (error: unknown) => error,
      );
      const result = results[index];
      if (one instanceof RefusedDocumentError) {
        expect(result).toBeInstanceOf(RefusedDocumentError);
        const refused = result as RefusedDocumentError;
        expect([refused.documentId, refused.reason]).toEqual([one.documentId, one.reason]);
      } else expect(result).toEqual(one);
    }
    expect(results.map((r) => (r instanceof RefusedDocumentError ? r.reason : 'opened'))).toEqual([
      'opened',
      'altered',
      'altered',
      'moved',
      'moved',
      'old-key',
      'foreign',
      'malformed',
      'malformed',
      'malformed',
      'newer-format',
      'malformed',
      'malformed',
      'opened',
    ]);
    const spacedBody = results.at(-1) as DocumentBody;
    expect(spacedBody.record).toEqual(
      official({ id: OTHER_ID, notes: 'ends in spaces   ', displayName: 'ليلى   ' }),
    );
  });

  it('opens an empty batch; a decryption failing for any reason is altered, as one by one', async () => {
    const keys = await deriveCoalitionKeys(newCoalitionKey());
    await expect(openDocuments([], keys)).resolves.toEqual([]);
    const document = await sealDocument(keys, body(official()));
    // WebCrypto refusing the key itself: openDocument says 'altered' too.
    const broken = { ...keys, sealKey: 'not a key' as unknown as CryptoKey };
    const results = await openDocuments([document], broken);
    expect((results[0] as RefusedDocumentError).reason).toBe('altered');
    await expectRefused(openDocument(document, broken), document._id, 'altered');
  });
});
