import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '@core/crypto/bytes';
import { bodyFromCompact, compactBody, type CompactBody } from '@core/coalition/compact-body';
import { formatHlc } from '@core/coalition/hlc';
import { stampEdit } from '@core/coalition/record-clocks';
import type { DocumentBody } from '@core/coalition/sealed-document';
import { SAMPLE_MEMBER, documentBody, sampleInteraction } from './document-bodies';

const MEMBER = SAMPLE_MEMBER;
const OTHER = 'a4d3c2b1-0f9e-4d8c-8b7a-6f5e4d3c2b1a';
const AT = Date.parse('2026-12-01T10:00:00Z');
const hlc = (wall: number, counter = 0, member = MEMBER) => formatHlc({ wall, counter, member });

const interaction = sampleInteraction('مكالمة حول القانون');

function firstShare(): DocumentBody {
  const { record, clocks } = stampEdit('interaction', undefined, interaction, hlc(AT));
  return { kind: 'interaction', record, clocks, hlc: hlc(AT), author: MEMBER };
}

/** Through JSON, as it is sealed and opened. */
const reopened = (body: DocumentBody) =>
  bodyFromCompact(JSON.parse(JSON.stringify(compactBody(body))));

describe('the compact body (format 2)', () => {
  it('gives back exactly the body version 1 stored, for any body', () => {
    fc.assert(
      fc.property(documentBody, (body) => {
        expect(JSON.stringify(reopened(body))).toBe(JSON.stringify(body));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a first share with one clock and no field names, in under half the bytes', () => {
    const body = firstShare();
    const compact = compactBody(body);
    expect(compact).toEqual({
      k: 'interaction',
      r: interaction,
      m: [MEMBER],
      t: [`${AT.toString(36)}:0:0`],
      f: 0,
      a: 0,
    });
    const size = (value: unknown) => utf8.encode(JSON.stringify(value)).byteLength;
    expect(size(compact)).toBeLessThan(size(body) / 2);
    expect(reopened(body)).toEqual(body);
  });

  it('names only the fields edited later, and the items, deletion and a merging author', () => {
    const first = firstShare();
    const edit = stampEdit(
      'interaction',
      first,
      { ...interaction, notes: 'later' },
      hlc(AT + 5, 2, OTHER),
    );
    const body: DocumentBody = {
      ...first,
      record: edit.record,
      clocks: {
        ...edit.clocks,
        items: { tasks: { t1: { added: '', written: hlc(AT) } } },
        removed: hlc(AT + 9),
      },
      hlc: hlc(AT + 9),
      author: 'merging-member',
    };
    const compact = compactBody(body);
    expect(compact).toMatchObject({
      m: [MEMBER, OTHER, 'merging-member'],
      f: 0,
      g: { notes: 1 },
      i: { tasks: { t1: [-1, 0] } },
      x: 2,
      a: 2,
    });
    expect(reopened(body)).toEqual(body);
  });

  it('writes every field clock when they are not the record’s fields in order', () => {
    const first = firstShare();
    const { notes, ...cleared } = interaction;
    void notes;
    // A cleared field keeps its clock: the clocks name a field the record no longer has.
    const body = { ...first, record: cleared };
    const compact = compactBody(body);
    expect(typeof compact.f).toBe('object');
    expect(reopened(body)).toEqual(body);
  });

  it('refuses, as not a body, anything malformed or out of range', () => {
    const good = JSON.parse(JSON.stringify(compactBody(firstShare()))) as CompactBody;
    expect(bodyFromCompact(good)).toBeDefined();
    const t = good.t[0] ?? '';
    const bad: unknown[] = [
      null,
      [good],
      'body',
      { ...good, extra: 1 },
      { ...good, hlc: hlc(AT) },
      { ...good, k: 'person' },
      { ...good, r: [interaction] },
      { ...good, r: { ...interaction, id: '' } },
      { ...good, r: { ...interaction, id: 7 } },
      // Members: a bad id, a duplicate, not a list; the author out of range.
      { ...good, m: ['m amal'] },
      { ...good, m: [''] },
      { ...good, m: ['x'.repeat(65)] },
      { ...good, m: [MEMBER, MEMBER] },
      { ...good, m: MEMBER },
      { ...good, a: 1 },
      { ...good, a: -1 },
      { ...good, a: 0.5 },
      { ...good, a: '0' },
      // Clocks: their text, range, member index; none at all.
      { ...good, t: [`${t}:0`] },
      { ...good, t: [t.toUpperCase()] },
      { ...good, t: [`0${t}`] },
      { ...good, t: [t.replace(/:0:0$/, ':00:0')] },
      { ...good, t: [t.replace(/:0$/, ':1')] },
      { ...good, t: [t.replace(/:0$/, ':00')] },
      { ...good, t: [t.replace(/:0$/, ':-1')] },
      { ...good, t: [`${(8.64e15 + 1).toString(36)}:0:0`] },
      { ...good, t: [`${(1e15).toString(36)}:0:0`] },
      { ...good, t: [`${AT.toString(36)}:${(1e10).toString(36)}:0`] },
      { ...good, t: [`${AT.toString(36)}::0`] },
      { ...good, t: [7] },
      { ...good, t: t },
      { ...good, t: [] },
      // Field clocks.
      { ...good, f: 1 },
      { ...good, f: -1 },
      { ...good, f: '0' },
      { ...good, f: null },
      { ...good, f: { notes: 1 } },
      { ...good, f: { notes: '0' } },
      { ...good, f: { notes: 0 }, g: { kind: 0 } },
      { ...good, g: { notes: 1 } },
      { ...good, g: { id: 0 } },
      { ...good, g: { elsewhere: 0 } },
      { ...good, g: [0] },
      { ...good, f: {}, t: [t] },
      // Items and the deletion.
      { ...good, i: [] },
      { ...good, i: { tasks: [] } },
      ...[
        [0],
        [0, 0, 0, 1, 0],
        [-2, 0],
        [0, 1],
        [0, -1],
        [0, 0, -1],
        [0, 0, 1.5],
        [0, 0, 1_000_001],
        [0, 0, null],
        [0, 0, 0, true],
        [0, 0, 0, 0],
        [0, 0, '0'],
        { added: 0, written: 0 },
      ].map((code) => ({ ...good, i: { tasks: { t1: code } } })),
      { ...good, x: 1 },
      { ...good, x: null },
      { ...good, x: '0' },
    ];
    for (const candidate of bad)
      expect(bodyFromCompact(candidate), JSON.stringify(candidate)).toBe(undefined);
  });

  it('gives a field clock named __proto__ as an own field, as any other', () => {
    const text = JSON.stringify(compactBody(firstShare()));
    const form = text.replace('"f":0', '"f":{"__proto__":0,"notes":0}');
    const opened = bodyFromCompact(JSON.parse(form));
    expect(opened && Object.keys(opened.clocks.fields)).toEqual(['__proto__', 'notes']);
    expect(opened?.clocks.fields['__proto__']).toBe(hlc(AT));
  });

  it('opens every optional form it writes', () => {
    const good = JSON.parse(JSON.stringify(compactBody(firstShare()))) as CompactBody;
    const full = {
      ...good,
      i: { tasks: { t1: [0, 0, 1_000_000, 1], t2: [-1, 0, null, 1], t3: [0, 0, 0] } },
      x: 0,
    };
    expect(bodyFromCompact(full)?.clocks).toEqual({
      fields: firstShare().clocks.fields,
      items: {
        tasks: {
          t1: { added: hlc(AT), place: 1_000_000, written: hlc(AT), deleted: true },
          t2: { added: '', written: hlc(AT), deleted: true },
          t3: { added: hlc(AT), place: 0, written: hlc(AT) },
        },
      },
      removed: hlc(AT),
    });
  });
});
