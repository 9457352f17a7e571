import { describe, expect, it } from 'vitest';
import type { Contact } from '@core/domain/contact';
import type { Target } from '@core/domain/target';
import {
  contactPredicate,
  countActiveFilters,
  filterOptionsOf,
  NO_FILTERS,
} from '@renderer/lib/contact-filters';
import { aContact } from '../../../helpers/contact-fixture';

function target(campaignId: string, contactId: string, stance: Target['stance']): Target {
  return {
    id: `${campaignId}-${contactId}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    campaignId,
    contactId,
    stance,
    priority: 3,
    stanceHistory: [],
    notes: undefined,
  };
}

const names = (list: readonly Contact[]) => list.map((c) => c.displayName);

describe('contact filters', () => {
  const amal = aContact({
    displayName: 'Amal',
    kind: 'official',
    tags: ['housing', 'sponsor'],
    country: 'Lebanon',
    chamber: 'lower',
    party: 'Green',
  });
  const bassem = aContact({
    displayName: 'Bassem',
    kind: 'ally',
    tags: ['housing'],
    doNotContact: true,
  });
  const carla = aContact({
    displayName: 'Carla',
    kind: 'official',
    sensitive: true,
    country: 'Jordan',
  });
  const all = [amal, bassem, carla];
  const pass = (filters: Partial<typeof NO_FILTERS>, targets: Target[] = []) => {
    const predicate = contactPredicate({ ...NO_FILTERS, ...filters }, targets);
    return names(predicate ? all.filter(predicate) : all);
  };

  it('with none active, keeps everyone and builds no predicate', () => {
    expect(contactPredicate(NO_FILTERS, [])).toBeNull();
    expect(countActiveFilters(NO_FILTERS)).toBe(0);
  });

  it('matches any value within a facet and all facets together', () => {
    expect(pass({ kinds: ['official'] })).toEqual(['Amal', 'Carla']);
    expect(pass({ kinds: ['official', 'ally'] })).toEqual(['Amal', 'Bassem', 'Carla']);
    expect(pass({ kinds: ['official'], tags: ['housing'] })).toEqual(['Amal']);
    expect(pass({ tags: ['sponsor', 'housing'] })).toEqual(['Amal', 'Bassem']);
    expect(pass({ countries: ['Jordan'] })).toEqual(['Carla']);
    expect(pass({ chambers: ['lower'], parties: ['Green'] })).toEqual(['Amal']);
  });

  it('shows only, or hides, do-not-contact and sensitive contacts', () => {
    expect(pass({ doNotContact: 'only' })).toEqual(['Bassem']);
    expect(pass({ doNotContact: 'exclude' })).toEqual(['Amal', 'Carla']);
    expect(pass({ sensitive: 'exclude', doNotContact: 'exclude' })).toEqual(['Amal']);
  });

  it('keeps the targets of a campaign, by stance when stances are picked', () => {
    const targets = [
      target('c1', amal.id, 'supportive'),
      target('c1', carla.id, 'opposed'),
      target('c2', bassem.id, 'supportive'),
    ];
    expect(pass({ campaignId: 'c1' }, targets)).toEqual(['Amal', 'Carla']);
    expect(pass({ campaignId: 'c1', stances: ['opposed', 'hostile'] }, targets)).toEqual(['Carla']);
    expect(countActiveFilters({ ...NO_FILTERS, campaignId: 'c1', stances: ['opposed'] })).toBe(2);
  });

  it('offers each value present once, with its count', () => {
    const options = filterOptionsOf(all);
    expect(options.tags).toEqual([
      { value: 'housing', count: 2 },
      { value: 'sponsor', count: 1 },
    ]);
    expect(options.countries.map((o) => o.value)).toEqual(['Jordan', 'Lebanon']);
    expect(options.parties).toEqual([{ value: 'Green', count: 1 }]);
  });
});

describe('one contact-filter model, Arabic-aware', () => {
  const capital = aContact({ id: 'a', region: 'محافظة العاصمة', tags: ['حليف'], party: 'Green' });
  const capitalVariant = aContact({ id: 'b', region: 'مُحافَظه العاصمه', tags: ['حَليف', 'Ally'] });
  const beirut = aContact({ id: 'c', region: 'Beyrouth', tags: ['ally'], party: 'green' });
  const all = [capital, capitalVariant, beirut];

  it('matches a picked value in any spelling search treats as the same', () => {
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
});
