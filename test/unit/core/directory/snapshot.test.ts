import { describe, expect, it } from 'vitest';
import {
  contactInputSchema,
  directoryFacets,
  legislatorToContact,
  US_STATE_NAMES,
} from '@core/index';
import { catalogues } from '@shared/i18n/catalogues';
import { bundled } from './fixtures';

describe('the bundled directory file', () => {
  it('is valid, with the counts its README gives', () => {
    const legislators = bundled();
    expect(legislators).toHaveLength(537);
    expect(legislators.filter((l) => l.chamber === 'senate')).toHaveLength(100);
    expect(legislators.filter((l) => l.chamber === 'house')).toHaveLength(437);
    const facets = directoryFacets(legislators);
    expect(facets.committees).toHaveLength(49);
    expect(facets.parties).toEqual(['Democrat', 'Independent', 'Republican']);
    expect(facets.states).toContain('PR');
    expect(facets.districts.get('VT')).toEqual([0]);
    expect(facets.districts.get('CA')?.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('names every state in the UI catalogues, in English as in the data', () => {
    expect(catalogues.en.directory.states).toEqual(US_STATE_NAMES);
    expect(Object.keys(catalogues.ar.directory.states)).toEqual(Object.keys(US_STATE_NAMES));
    for (const code of directoryFacets(bundled()).states)
      expect(US_STATE_NAMES).toHaveProperty(code);
  });

  it('converts every legislator into a valid contact', () => {
    for (const legislator of bundled()) {
      const result = contactInputSchema.safeParse(legislatorToContact(legislator));
      expect(
        result.success,
        `${legislator.bioguide}: ${JSON.stringify(result.error?.issues)}`,
      ).toBe(true);
    }
  });
});
