import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coresWithOrganization,
  reimportCsv,
  richContacts,
  withoutRecordFields,
} from './round-trip';

const coreWithOrganization = coresWithOrganization();

describe('export → import', () => {
  it('CSV: UTF-8 with a byte-order mark whose columns map back to the same contacts', async () => {
    const { core, organization } = await coreWithOrganization();
    const originals = await core.contacts.createMany(richContacts(organization.id));
    const { bytes, decoded, outcome } = await reimportCsv(core, originals);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain("'=HYPERLINK");
    expect(outcome.linkedToOrganizations).toBe(1);
    expect(outcome.created.map(withoutRecordFields)).toEqual(originals.map(withoutRecordFields));
  });

  it('CSV: any names, notes and tags survive (property test)', async () => {
    const { core } = await coreWithOrganization();
    const text = fc
      .string({ unit: 'grapheme', maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const line = text.filter((s) => !/[\r\n]/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            displayName: text,
            title: fc.option(text, { nil: undefined }),
            notes: fc.option(text, { nil: undefined }),
            tags: fc.uniqueArray(
              line.filter((s) => s.length <= 60),
              { maxLength: 4 },
            ),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        async (inputs) => {
          const originals = await core.contacts.createMany(inputs);
          const { outcome } = await reimportCsv(core, originals);
          expect(outcome.created.map(withoutRecordFields)).toEqual(
            originals.map(withoutRecordFields),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
