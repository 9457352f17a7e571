import { describe, expect, it } from 'vitest';
import type { Contact } from '@core/domain/contact';
import {
  filterValues,
  isEmptyFilter,
  matchesFilter,
} from '@renderer/features/campaigns/targets/contact-filter';
import { aContact } from '../../../../../helpers/contact-fixture';

const contact = (fields: Partial<Contact>): Contact => aContact({ kind: 'official', ...fields });

describe('the Add targets filter', () => {
  const senatorTX = contact({
    chamber: 'upper',
    region: 'Texas',
    party: 'Democratic',
    tags: ['ally'],
  });
  const repTX = contact({ chamber: 'lower', region: 'texas' });
  const arabic = contact({ chamber: 'unicameral', region: 'محافظة العاصمة', tags: ['حليف'] });

  it('picks by chamber and region, ignoring case, accents and Arabic spelling variants', () => {
    const filter = { chamber: 'upper' as const, region: 'TEXAS' };
    expect([senatorTX, repTX, arabic].filter((c) => matchesFilter(c, filter))).toEqual([senatorTX]);
    expect(matchesFilter(repTX, { region: 'Texas' })).toBe(true);
    // Tashkeel and ة/ه differences do not matter.
    expect(matchesFilter(arabic, { region: 'محافظه العاصمة' })).toBe(true);
    expect(matchesFilter(arabic, { tag: 'حَليف' })).toBe(true);
    expect(matchesFilter(arabic, { tag: 'ally' })).toBe(false);
  });

  it('lists each filter value once, first spelling kept', () => {
    expect(filterValues([senatorTX, repTX, arabic]).region).toEqual(['Texas', 'محافظة العاصمة']);
  });

  it('knows an empty filter', () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ query: '' })).toBe(true);
    expect(isEmptyFilter({ kind: 'official' })).toBe(false);
  });
});

describe("the Add targets filter is the contact list's model, one value per facet", () => {
  const capital = contact({ id: 'a', region: 'محافظة العاصمة', tags: ['حليف'], party: 'Green' });
  const variant = contact({ id: 'b', region: 'مُحافَظه العاصمه', tags: ['حَليف', 'Ally'] });
  const beirut = contact({ id: 'c', region: 'Beyrouth', tags: ['ally'], party: 'green' });
  const all = [capital, variant, beirut];

  it('matches every spelling search treats as the same, and lists it once', () => {
    const ids = (filter: Parameters<typeof matchesFilter>[1]) =>
      all.filter((c) => matchesFilter(c, filter)).map((c) => c.id);
    expect(ids({ region: 'محافظه العاصمة' })).toEqual(['a', 'b']);
    expect(ids({ party: 'GREEN', tag: 'ally' })).toEqual(['c']);
    expect(filterValues(all, 'en').tag).toEqual(['Ally', 'حليف']);
  });
});
