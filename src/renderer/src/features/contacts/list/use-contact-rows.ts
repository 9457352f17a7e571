import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery, useStoreVersion } from '@renderer/app/data/use-store-query';
import {
  contactPredicate,
  filterOptionsOf,
  type ContactFilters,
} from '@renderer/lib/contact-filters';
import { sortContacts, type OrganizationNameOf, type SortSpec } from './contact-columns';
import { visibleContacts } from './visible-contacts';

const NAME_ORDER: SortSpec = { column: 'name', direction: 'asc' };
const SEARCHED_TABLES = ['contacts', 'organizations'] as const;

/** Organisation names by id, and a contact's organisation as shown. */
export function useOrganizationNames(): {
  names: Map<string, string>;
  organizationOf: OrganizationNameOf;
} {
  return useStoreQuery(['organizations'], (core) => {
    const names = new Map(core.organizations.all().map((org) => [org.id, org.name]));
    const organizationOf: OrganizationNameOf = (contact) =>
      (contact.organizationId && names.get(contact.organizationId)) ||
      contact.organizationName ||
      '';
    return { names, organizationOf };
  });
}

export function useAllContacts(): Contact[] {
  return useStoreQuery(['contacts'], (core) => core.contacts.all());
}

/** The values to offer in the filters, rebuilt only when the contacts change. */
export function useFilterOptions() {
  const all = useAllContacts();
  const { i18n } = useTranslation();
  return useMemo(() => filterOptionsOf(all, i18n.language), [all, i18n.language]);
}

export interface ContactRows {
  rows: readonly Contact[];
  total: number;
  /** The sort the list shows: null while search hits are in relevance order. */
  effectiveSort: SortSpec | null;
}

/**
 * The contacts to list: searched (Arabic-aware, ranked), filtered and sorted. Sorting runs
 * when the data or the sort column changes; a keystroke costs one search and one pass.
 */
export function useContactRows(
  query: string,
  filters: ContactFilters,
  sort: SortSpec | null,
): ContactRows {
  const core = useDataCore();
  const all = useAllContacts();
  const { organizationOf } = useOrganizationNames();
  const targets = useStoreQuery(['targets'], (c) => c.targets.all());
  const searchVersion = useStoreVersion(SEARCHED_TABLES);
  const sorted = useMemo(
    () => sortContacts(all, sort ?? NAME_ORDER, organizationOf),
    [all, sort, organizationOf],
  );
  const predicate = useMemo(() => contactPredicate(filters, targets), [filters, targets]);
  const trimmed = query.trim();
  const hits = useMemo(
    () =>
      trimmed
        ? core.search.search(trimmed, { limit: Math.max(all.length, 1) }).map((hit) => hit.contact)
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- searchVersion stands for the index
    [core, trimmed, searchVersion, all.length],
  );
  const rows = useMemo(
    () => visibleContacts({ sorted, hits, userSorted: sort !== null, predicate }),
    [sorted, hits, sort, predicate],
  );
  const effectiveSort = sort ?? (hits ? null : NAME_ORDER);
  return { rows, total: all.length, effectiveSort };
}
