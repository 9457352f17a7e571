import { describe, expect, it } from 'vitest';
import { encodeAsciiJson } from '@core/crypto/ascii-json';
import {
  outlinedPayload,
  OutlinedRecords,
  outlineUnits,
  recordsOf,
} from '@core/crypto/json-outline';
import { encodePaddedJson, paddedUnits } from '@core/crypto/padded-payload';

const records = [
  { displayName: 'Rania Haddad', id: '0b7c2f0e-4a51-4a8e-9a56-3f6f2f7b8c11', tags: ['a', 'b'] },
  {
    // Characters that matter to JSON's structure, inside strings, and a nested "id".
    id: '1c8d3a1f-5b62-4b9f-8b67-4a7a3a8c9d22',
    displayName: 'فاطمة "الزهراء" \\ {[,]}',
    notes: 'line\nbreak \u202e 😀 \ud800 alone',
    address: { id: 'not this one', city: 'بيروت' },
    tasks: [{ id: 'nor this', done: false }],
    idx: 'a key that starts like id',
  },
  { n: 3, ok: true, none: null, id: '2d9e4b20-6c73-4ca0-9c78-5b8b4b9d0e33' },
];

const padded = async (value: unknown) => (await encodePaddedJson(value)).buffer;
const unitsOf = async (value: unknown) => paddedUnits(await padded(value)) ?? new Uint16Array();

describe('the outline of a list of records', () => {
  it('gives each record id and where it is, to parse it alone or all at once', async () => {
    const plaintext = await padded(records);
    const outline = outlineUnits(paddedUnits(plaintext) ?? new Uint16Array());
    expect(outline?.ids).toEqual(records.map((record) => record.id));
    const list = new OutlinedRecords(
      plaintext,
      outline?.ids ?? [],
      outline?.bounds ?? new Uint32Array(),
    );
    expect(records.map((_, index) => list.parse(index))).toEqual(records);
    expect(list.parseAll()).toEqual(records);
  });

  it('outlines an empty list', async () => {
    expect(outlineUnits(await unitsOf([]))).toEqual({ ids: [], bounds: new Uint32Array() });
  });

  it.each([
    ['a value that is not a list', { id: 'x' }],
    ['a list of other values', ['a', 1]],
    ['a record without an id', [{ id: 'a' }, { name: 'no id' }]],
    ['an id that is not a string', [{ id: 7 }, { id: 'b' }]],
    ['an id in another script', [{ id: 'رقم' }]],
    ['an id with escapes', [{ id: 'a"b' }]],
    ['an id only in a nested object', [{ inner: { id: 'a' } }]],
  ])('leaves %s unoutlined (it is then parsed whole)', async (_, value) => {
    const opened = outlinedPayload(await padded(value));
    expect(opened.outline).toBeUndefined();
    expect(recordsOf(opened)).toEqual(value);
  });

  it('reads a padded payload outlined, and an older plain one parsed whole', async () => {
    const list = recordsOf(outlinedPayload(await padded(records)));
    expect(list).toBeInstanceOf(OutlinedRecords);
    expect((list as OutlinedRecords).parse(1)).toEqual(records[1]);
    const older = encodeAsciiJson(records).buffer;
    expect(outlinedPayload(older)).toEqual({ text: older, outline: undefined });
    expect(recordsOf(outlinedPayload(older))).toEqual(records);
  });

  it('overwrites the payload when wiped', async () => {
    const opened = outlinedPayload(await padded(records));
    const list = recordsOf(opened) as OutlinedRecords;
    list.wipe();
    expect(new Uint8Array(opened.text).every((byte) => byte === 0)).toBe(true);
  });
});
