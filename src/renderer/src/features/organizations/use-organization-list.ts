import { useMemo } from 'react';
import type { Organization } from '@core/domain/organization';
import { normalizeForSearch } from '@core/search';
import { useStoreQuery } from '@renderer/app/data/use-store-query';

export interface OrganizationRow {
  organization: Organization;
  contacts: number;
  /** The name normalized like the contact search (Arabic letter forms, accents, case). */
  key: string;
}

/** Every organization with its number of contacts, by name. */
export function useOrganizationRows(): OrganizationRow[] {
  return useStoreQuery(['organizations', 'contacts'], (core) => {
    const counts = new Map<string, number>();
    for (const contact of core.contacts.all()) {
      if (contact.organizationId)
        counts.set(contact.organizationId, (counts.get(contact.organizationId) ?? 0) + 1);
    }
    return core.organizations
      .all()
      .map((organization) => ({
        organization,
        contacts: counts.get(organization.id) ?? 0,
        key: normalizeForSearch(organization.name),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  });
}

/** The rows whose name has every word of the query (as typed or as a word's start). */
export function useOrganizationSearch(rows: OrganizationRow[], query: string): OrganizationRow[] {
  return useMemo(() => {
    const words = normalizeForSearch(query).split(' ').filter(Boolean);
    if (words.length === 0) return rows;
    return rows.filter((row) => {
      const nameWords = row.key.split(' ');
      return words.every(
        (word) => nameWords.some((name) => name.startsWith(word)) || row.key.includes(word),
      );
    });
  }, [rows, query]);
}
