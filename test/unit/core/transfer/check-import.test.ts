/** Every row of an import checked and compared with stored contacts, as the worker does it. */
import { describe, expect, it } from 'vitest';
import { findMatchesFor } from '@core/dedupe';
import { checkImport, guessMapping, storedContactKeys } from '@core/transfer';
import { readImportFile, streamImportFile } from '@core/transfer/read-import-file';
import { closingAfterEach } from '../../../helpers/fresh-data-core';
import { utf8 } from './fixtures';

const core = closingAfterEach();

describe('checking every row', () => {
  it('returns the valid contacts, the problems and the likely duplicates of stored contacts', async () => {
    const { core: data } = await core();
    const stored = await data.contacts.create({
      displayName: 'Amal Nasser',
      emails: [{ value: 'amal@example.org' }],
    });
    const read = readImportFile(
      'list.csv',
      utf8('Name,Email\nAmal N.,AMAL@example.org\nBilal,not-an-email\nCarmen Diaz,c@example.org\n'),
    );
    const table = read.table;
    if (!table) throw new Error('no table');
    const progress: number[] = [];
    const check = await checkImport(
      { table, mapping: guessMapping(table.headers) },
      {
        existing: data.contacts.all().map(storedContactKeys),
        onProgress: (done) => progress.push(done),
      },
    );
    expect(check.rowCount).toBe(3);
    expect(check.valid.map((c) => c.displayName)).toEqual(['Amal N.', 'Carmen Diaz']);
    expect(check.validRows).toEqual([2, 4]);
    expect(check.invalidCount).toBe(1);
    expect(check.problems).toEqual([
      expect.objectContaining({ code: 'invalid-email', row: 3, column: 'Email' }),
    ]);
    expect(check.duplicates).toEqual([
      expect.objectContaining({ incomingIndex: 0, contactId: stored.id }),
    ]);
    expect(progress.at(-1)).toBe(3);
  });

  it('finds the same duplicates from the keys sent to the worker as from whole contacts', async () => {
    const { core: data } = await core();
    await data.contacts.createMany([
      { givenName: 'ليلى', familyName: 'حداد', phones: [{ value: '+961 3 123 456' }] },
      { displayName: 'Omar Khatib', organizationName: 'Ministry', country: 'LB' },
    ]);
    const incoming = [
      { givenName: 'ليلى', familyName: 'حدّاد', phones: [{ value: '03 123 456' }] },
      { displayName: 'Omar Khateeb', organizationName: 'ministry', country: 'LB' },
    ];
    const whole = findMatchesFor(incoming, data.contacts.all());
    expect(whole.length).toBeGreaterThan(0);
    expect(findMatchesFor(incoming, data.contacts.all().map(storedContactKeys))).toEqual(whole);
  });

  it('passes vCard cards through, with their duplicates', async () => {
    const read = readImportFile(
      'a.vcf',
      utf8('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:نور\r\nEMAIL:n@example.org\r\nEND:VCARD\r\n'),
    );
    if (!read.cards) throw new Error('no cards');
    const check = await checkImport(
      { cards: read.cards },
      { existing: [{ id: 'x', displayName: 'Someone', emails: [{ value: 'n@example.org' }] }] },
    );
    expect(check.valid).toHaveLength(1);
    expect(check.duplicates).toEqual([expect.objectContaining({ contactId: 'x' })]);
  });

  it('checks a streamed file as a parsed one, reading its rows again', async () => {
    const bytes = utf8(
      'Name,Email\nAmal N.,AMAL@example.org\n\nBilal,not-an-email\n"Carmen Diaz,c@example.org\n',
    );
    const parsed = readImportFile('list.csv', bytes).table;
    const streamed = streamImportFile('list.csv', bytes).table;
    if (!parsed || !streamed || !('eachRow' in streamed)) throw new Error('no streamed table');
    const progress: [number, number][] = [];
    const check = await checkImport(
      { table: streamed, mapping: guessMapping(streamed.headers) },
      { onProgress: (done, total) => progress.push([done, total]) },
    );
    expect(check).toEqual(
      await checkImport({ table: parsed, mapping: guessMapping(parsed.headers) }),
    );
    expect(check.rowCount).toBe(3);
    expect(progress.at(-1)).toEqual([3, 3]);
  });
});
