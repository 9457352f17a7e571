import { describe, expect, it } from 'vitest';
import type { Contact } from '@core/domain/contact';
import { sortContacts } from '@renderer/features/contacts/list/contact-columns';
import { aContact } from '../../../../../helpers/contact-fixture';

const names = (list: readonly Contact[]) => list.map((c) => c.displayName);
const noOrganization = () => '';

describe('sorting and search rows', () => {
  it('sorts Arabic names by letter whatever the alef form, blanks last in both directions', () => {
    const list = [
      aContact({ displayName: 'بسمة' }),
      aContact({ displayName: 'إيمان', party: 'B' }),
      aContact({ displayName: 'أحمد', party: 'A' }),
      aContact({ displayName: 'Zoë' }),
      aContact({ displayName: 'adam', party: 'C' }),
    ];
    const byName = names(sortContacts(list, { column: 'name', direction: 'asc' }, noOrganization));
    expect(byName).toEqual(['adam', 'Zoë', 'أحمد', 'إيمان', 'بسمة']);
    const byParty = (direction: 'asc' | 'desc') =>
      names(sortContacts(list, { column: 'party', direction }, noOrganization));
    expect(byParty('asc')).toEqual(['أحمد', 'إيمان', 'adam', 'Zoë', 'بسمة']);
    expect(byParty('desc')).toEqual(['adam', 'إيمان', 'أحمد', 'Zoë', 'بسمة']);
  });

  it('sorts a code-named contact by the code name and leaves its email and phone blank', () => {
    const list = [
      aContact({ displayName: 'Zeina Haddad', codeName: 'Aster', emails: [{ value: 'a@x.org' }] }),
      aContact({ displayName: 'Bilal', emails: [{ value: 'b@x.org' }] }),
    ];
    const sorted = (column: 'name' | 'email' | 'phone') =>
      names(sortContacts(list, { column, direction: 'asc' }, noOrganization));
    expect(sorted('name')).toEqual(['Zeina Haddad', 'Bilal']);
    // Blanks go last: the hidden email does not place the contact among the others.
    expect(sorted('email')).toEqual(['Bilal', 'Zeina Haddad']);
  });
});
