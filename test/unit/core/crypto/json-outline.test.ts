import { describe, expect, it } from 'vitest';
import { asciiJsonOfUnits, encodeAsciiJson } from '@core/crypto/ascii-json';
import {
  outlinedAsciiJson,
  outlinedPayload,
  OutlinedRecords,
  recordsOf,
} from '@core/crypto/json-outline';
import { encodePaddedJson, paddedUnits } from '@core/crypto/padded-payload';

const records = [
  { displayName: 'Rania Haddad', id: '0b7c2f0e-4a51-4a8e-9a56-3f6f2f7b8c11', tags: ['a', 'b'] },
  {
    // Characters that matter to JSON's structure, inside strings, and a nested "id".
    id: '1c8d3a1f-5b62-4b9f-8b67-4a7a3a8c9d22',
    displayName: 'فاطمة "الزهراء" \\ {[,]}',
    notes: 'line\nbreak \u202e 😀',
    address: { id: 'not this one', city: 'بيروت' },
    tasks: [{ id: 'nor this', done: false }],
    idx: 'a key that starts like id',
  },
  { n: 3, ok: true, none: null, id: '2d9e4b20-6c73-4ca0-9c78-5b8b4b9d0e33' },
];

const unitsOf = async (value: unknown) => {
  const units = paddedUnits((await encodePaddedJson(value)).buffer);
  if (!units) throw new Error('expected a padded payload');
  return units;
};

describe('outlined JSON of a list of records', () => {
  it('gives the same ASCII text as the plain conversion, each record where it says', async () => {
    const units = await unitsOf(records);
    const { text, outline } = outlinedAsciiJson(units);
    expect(text).toEqual(asciiJsonOfUnits(units));
    expect(outline?.ids).toEqual(records.map((record) => record.id));
    const list = new OutlinedRecords(
      text,
      outline?.ids ?? [],
      outline?.bounds ?? new Uint32Array(),
    );
    expect(records.map((_, index) => list.parse(index))).toEqual(records);
    expect(list.parseAll()).toEqual(records);
  });

  it('outlines an empty list', async () => {
    expect(outlinedAsciiJson(await unitsOf([])).outline).toEqual({
      ids: [],
      bounds: new Uint32Array(),
    });
  });

  it.each([
    ['a value that is not a list', { id: 'x' }],
    ['a list of other values', ['a', 1]],
    ['a record without an id', [{ id: 'a' }, { name: 'no id' }]],
    ['an id that is not a string', [{ id: 7 }]],
    ['an id with escapes', [{ id: 'رقم' }]],
    ['an id only in a nested object', [{ inner: { id: 'a' } }]],
  ])('leaves %s unoutlined (it is then parsed whole)', async (_, value) => {
    const units = await unitsOf(value);
    const { text, outline } = outlinedAsciiJson(units);
    expect(outline).toBeUndefined();
    expect(text).toEqual(asciiJsonOfUnits(units));
    expect(recordsOf({ text: text.buffer, outline })).toEqual(value);
  });

  it('reads a padded payload outlined, and an older plain one as it is', async () => {
    const padded = outlinedPayload((await encodePaddedJson(records)).buffer);
    expect(padded.outline?.ids).toHaveLength(3);
    const records_ = recordsOf(padded);
    expect(records_).toBeInstanceOf(OutlinedRecords);
    expect((records_ as OutlinedRecords).parse(1)).toEqual(records[1]);
    const older = encodeAsciiJson(records).buffer;
    expect(outlinedPayload(older)).toEqual({ text: older, outline: undefined });
    expect(recordsOf(outlinedPayload(older))).toEqual(records);
  });

  it('overwrites the text when wiped', async () => {
    const { text, outline } = outlinedAsciiJson(await unitsOf(records));
    const list = new OutlinedRecords(
      text,
      outline?.ids ?? [],
      outline?.bounds ?? new Uint32Array(),
    );
    list.wipe();
    expect(text.every((byte) => byte === 0)).toBe(true);
  });
});
