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
