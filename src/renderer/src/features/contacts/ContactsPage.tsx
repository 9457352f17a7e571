import { Container, Group, Text } from '@mantine/core';
import { memo, useCallback, useMemo, useState } from 'react';
import type { ContactFilters } from '@renderer/lib/contact-filters';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import { PageHeader } from '@renderer/ui/PageHeader';
import { ActionNotice, type ActionNoticeState } from './bulk/ActionNotice';
import { BulkBar } from './bulk/BulkBar';
import { ContactBookTabs } from './ContactBookTabs';
import { ContactsToolbar } from './ContactsToolbar';
import { ActiveFilterChips } from './list/ActiveFilterChips';
import { ColumnChooser } from './list/ColumnChooser';
import { ContactFilterDrawer } from './list/ContactFilterDrawer';
import { ContactTable } from './list/ContactTable';
import { FilterButton } from './list/FilterButton';
import { countActiveFilters } from '@renderer/lib/contact-filters';
import type { ColumnId } from './list/contact-columns';
import { useColumnChoice } from './list/use-column-choice';
import { useAllContacts, useContactRows, useOrganizationNames } from './list/use-contact-rows';
import { useListState } from './list/use-list-state';
import { useSelection } from './list/use-selection';

/** The title and the People | Organizations switch: the same for every query. */
const PeopleHeading = memo(function PeopleHeading() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('contactBook.list.title')} />
      <ContactBookTabs active="people" />
    </>
  );
});

/**
 * The contact book's people: search, filters, sortable columns, multi-select, bulk actions.
 * A query redraws the count line and the table; the other parts are memoized and skip it.
 */
export function ContactsPage() {
  const { t, i18n } = useTranslation();
  // Each keystroke redraws the box and the list together (see ContactsToolbar).
  const [{ query, filters, sort }, update] = useListState();
  const [initialQuery] = useState(query);
  const [columns, chooseColumns] = useColumnChoice();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [notice, setNotice] = useState<ActionNoticeState | null>(null);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const all = useAllContacts();
  const { organizationOf } = useOrganizationNames();
  const { rows, total, effectiveSort } = useContactRows(query, filters, sort);
  const selection = useSelection(rows, all);
  const count = (value: number) => formatNumber(value, i18n.language);
  const activeFilters = countActiveFilters(filters);
  const searching = query.trim() !== '';
  const listKey = JSON.stringify([query.trim(), filters, sort]);

  // Stable callbacks: the table, toolbar, chips and drawer are memoized and skip a keystroke.
  const onSort = useCallback(
    (column: ColumnId) => {
      const shown = sort ?? effectiveSort;
      update({
        sort:
          shown?.column === column
            ? { column, direction: shown.direction === 'asc' ? 'desc' : 'asc' }
            : { column, direction: 'asc' },
      });
    },
    [sort, effectiveSort, update],
  );
  const onQueryChange = useCallback((value: string) => update({ query: value }), [update]);
  const onFiltersChange = useCallback(
    (next: ContactFilters) => update({ filters: next }),
    [update],
  );
  const closeFilters = useCallback(() => setFiltersOpen(false), []);
  const openFilters = useCallback(() => setFiltersOpen(true), []);
  const actionNotice = useMemo(
    () => <ActionNotice notice={notice} onDismiss={dismissNotice} />,
    [notice, dismissNotice],
  );

  return (
    <Container size="xl" px={0}>
      <PeopleHeading />
      <ContactsToolbar initialQuery={initialQuery} onQueryChange={onQueryChange} />
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <FilterButton active={activeFilters} onOpen={openFilters} />
          <ColumnChooser columns={columns} onChange={chooseColumns} />
        </Group>
        {total > 0 && (
          <Group gap="xs">
            {searching && sort === null && (
              <Text size="sm" c="dimmed">
                {t('contactBook.list.sortedByRelevance')}
              </Text>
            )}
            <Text size="sm" c="dimmed" data-testid="contact-count">
              {t('contactBook.list.showing', {
                shown: count(rows.length),
                total: count(total),
                count: total,
              })}
            </Text>
          </Group>
        )}
      </Group>
      <ActiveFilterChips filters={filters} onChange={onFiltersChange} />
      <BulkBar ids={selection.ids} onClear={selection.clear} onNotice={setNotice} />
      {total === 0 ? (
        <div data-testid="contact-empty">
          <Text fw={600}>{t('contactBook.list.empty')}</Text>
          <Text c="dimmed">{t('contactBook.list.emptyHint')}</Text>
        </div>
      ) : rows.length === 0 ? (
        <Text
          c="dimmed"
          data-testid={searching ? 'contact-no-results' : 'contact-no-matches'}
          dir="auto"
        >
          {searching
            ? t('contactBook.list.noResults', { query: query.trim() })
            : t('contactBook.list.noMatches')}
        </Text>
      ) : (
        <ContactTable
          rows={rows}
          columns={columns}
          sort={sort ?? effectiveSort}
          onSort={onSort}
          selection={selection}
          organizationOf={organizationOf}
          listKey={listKey}
        />
      )}
      <ContactFilterDrawer
        opened={filtersOpen}
        onClose={closeFilters}
        filters={filters}
        onChange={onFiltersChange}
        matching={filtersOpen ? rows.length : 0}
      />
      {actionNotice}
    </Container>
  );
}
