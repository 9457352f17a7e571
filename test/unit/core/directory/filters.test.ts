import { describe, expect, it } from 'vitest';
import { filterLegislators } from '@core/index';
import { bundled } from './fixtures';

describe('filterLegislators', () => {
  it('filters by chamber, state, district, party and committee together', () => {
    const legislators = bundled();
    const vermontSenators = filterLegislators(legislators, { chamber: 'senate', state: 'VT' });
    expect(vermontSenators.map((l) => l.last).sort()).toEqual(['Sanders', 'Welch']);
    expect(filterLegislators(legislators, { state: 'VT', party: 'Independent' })).toHaveLength(1);
    const atLarge = filterLegislators(legislators, { chamber: 'house', district: 0 });
    expect(atLarge.every((l) => l.district === 0)).toBe(true);
    expect(atLarge.map((l) => l.state)).toEqual(expect.arrayContaining(['VT', 'AK', 'DC', 'PR']));
    const judiciary = filterLegislators(legislators, {
      chamber: 'senate',
      committee: 'Senate Committee on the Judiciary',
    });
    expect(judiciary.length).toBeGreaterThan(10);
    expect(judiciary.every((l) => l.committees.includes('Senate Committee on the Judiciary'))).toBe(
      true,
    );
  });

  it('searches names by word prefixes, ignoring accents and case', () => {
    const legislators = bundled();
    expect(
      filterLegislators(legislators, { query: 'hernandez pab' }).map((l) => l.bioguide),
    ).toEqual(['H001103']);
    expect(filterLegislators(legislators, { query: 'MURK' }).map((l) => l.bioguide)).toEqual([
      'M001153',
    ]);
    expect(filterLegislators(legislators, { query: 'zzzz' })).toEqual([]);
  });
});
