import { describe, expect, it } from 'vitest';
import { exportContactsVCard, importContacts, parseVCards } from '@core/transfer';
import { coresWithOrganization, namesOf, richContacts, withoutRecordFields } from './round-trip';

const coreWithOrganization = coresWithOrganization();

describe('export → import', () => {
  it('vCard 4.0: the same contacts come back', async () => {
    const { core, organization } = await coreWithOrganization();
    const originals = await core.contacts.createMany(richContacts(organization.id));
    const text = new TextDecoder().decode(exportContactsVCard(originals, namesOf(core)));
    expect(text.match(/^BEGIN:VCARD/gm)).toHaveLength(3);
    expect(text).toContain('VERSION:4.0');
    const preview = parseVCards(text);
    expect(preview.problems).toEqual([]);
    const outcome = await importContacts(core, preview.valid);
    expect(outcome.created.map(withoutRecordFields)).toEqual(originals.map(withoutRecordFields));
  });
});
