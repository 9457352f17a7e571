import { describe, expect, it } from 'vitest';
import type { Contact } from '@core/domain/contact';
import { filterValues, matchesFilter } from '@renderer/features/campaigns/targets/contact-filter';
import { contactPredicate, filterOptionsOf, NO_FILTERS } from '@renderer/lib/contact-filters';

const contact = (id: string, fields: Partial<Contact>): Contact =>
  ({ id, kind: 'official', tags: [], doNotContact: false, sensitive: false, ...fields }) as Contact;

const capital = contact('a', { region: 'محافظة العاصمة', tags: ['حليف'], party: 'Green' });
const capitalVariant = contact('b', { region: 'مُحافَظه العاصمه', tags: ['حَليف', 'Ally'] });
const beirut = contact('c', { region: 'Beyrouth', tags: ['ally'], party: 'green' });
const all = [capital, capitalVariant, beirut];

describe('one contact-filter model, Arabic-aware', () => {
  it('the contact list matches a picked value in any spelling search treats as the same', () => {
    const ids = (filters: Partial<typeof NO_FILTERS>) => {
      const predicate = contactPredicate({ ...NO_FILTERS, ...filters }, []);
      return (predicate ? all.filter(predicate) : all).map((c) => c.id);
    };
    expect(ids({ regions: ['محافظة العاصمة'] })).toEqual(['a', 'b']);
    expect(ids({ regions: ['beyrouth'] })).toEqual(['c']);
    expect(ids({ tags: ['حليف'] })).toEqual(['a', 'b']);
    expect(ids({ tags: ['ALLY'] })).toEqual(['b', 'c']);
    expect(ids({ parties: ['Green'], tags: ['ally'] })).toEqual(['c']);
  });

  it('offers each value once, first spelling kept, counting each contact once', () => {
    const options = filterOptionsOf(all, 'en');
    expect(options.regions).toEqual([
      { value: 'Beyrouth', count: 1 },
      { value: 'محافظة العاصمة', count: 2 },
    ]);
    expect(options.tags).toEqual([
      { value: 'Ally', count: 2 },
      { value: 'حليف', count: 2 },
    ]);
    expect(options.parties).toEqual([{ value: 'Green', count: 2 }]);
  });

  it('sorts the options in the interface language: its own script first', () => {
    expect(filterOptionsOf(all, 'ar').regions.map((o) => o.value)).toEqual([
      'محافظة العاصمة',
      'Beyrouth',
    ]);
  });

  it('the Add targets filter is the same model with one value per facet', () => {
    expect(
      all.filter((c) => matchesFilter(c, { region: 'محافظه العاصمة' })).map((c) => c.id),
    ).toEqual(['a', 'b']);
    expect(
      all.filter((c) => matchesFilter(c, { party: 'GREEN', tag: 'ally' })).map((c) => c.id),
    ).toEqual(['c']);
    expect(filterValues(all, 'en').tag).toEqual(['Ally', 'حليف']);
  });
});
