import {
  Button,
  Drawer,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  useDirection,
} from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAMBERS, CONTACT_KINDS } from '@core/domain/contact';
import { STANCES } from '@core/domain/target';
import { formatNumber } from '@renderer/lib/format-number';
import {
  NO_FILTERS,
  type ContactFilters,
  type FilterOption,
  type FlagFilter,
  type ListFacet,
} from '@renderer/lib/contact-filters';
import { useFilterLabels } from './use-filter-labels';
import { useFilterOptions } from './use-contact-rows';

export interface ContactFilterDrawerProps {
  opened: boolean;
  onClose(): void;
  filters: ContactFilters;
  onChange(filters: ContactFilters): void;
  matching: number;
}

/** Every filter of the contact list, in a side drawer. */
export const ContactFilterDrawer = memo(function ContactFilterDrawer({
  opened,
  onClose,
  filters,
  onChange,
  matching,
}: ContactFilterDrawerProps) {
  const { t, i18n } = useTranslation();
  const { dir } = useDirection();
  const options = useFilterOptions();
  const { facetTitle, valueLabel, campaigns, organizations } = useFilterLabels();
  const withCounts = (list: FilterOption[]) =>
    list.map(({ value, count }) => ({
      value,
      label: `${value} (${formatNumber(count, i18n.language)})`,
    }));
  const set = <K extends keyof ContactFilters>(key: K, value: ContactFilters[K]) =>
    onChange({ ...filters, [key]: value });

  const facet = (name: ListFacet, data: { value: string; label: string }[]) => (
    <MultiSelect
      label={facetTitle(name)}
      data={data}
      value={filters[name] as string[]}
      onChange={(value) => set(name, value as never)}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('contactBook.list.noMatches')}
      comboboxProps={{ withinPortal: true }}
      data-testid={`filter-${name}`}
    />
  );
  const flag = (key: 'doNotContact' | 'sensitive') => (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t(`contactBook.filters.${key}`)}
      </Text>
      <SegmentedControl
        fullWidth
        value={filters[key]}
        onChange={(value) => set(key, value as FlagFilter)}
        data={(['any', 'only', 'exclude'] as const).map((value) => ({
          value,
          label: t(`contactBook.filters.${value}`),
        }))}
        data-testid={`filter-${key}`}
      />
    </div>
  );

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position={dir === 'rtl' ? 'left' : 'right'}
      title={t('contactBook.filters.title')}
      closeButtonProps={{ 'aria-label': t('contactBook.form.cancel') }}
      data-testid="filter-drawer"
    >
      <Stack gap="md">
        {facet(
          'kinds',
          CONTACT_KINDS.map((kind) => ({ value: kind, label: valueLabel('kinds', kind) })),
        )}
        {facet('tags', withCounts(options.tags))}
        {facet('countries', withCounts(options.countries))}
        {facet('regions', withCounts(options.regions))}
        {facet('districts', withCounts(options.districts))}
        {facet(
          'chambers',
          CHAMBERS.map((chamber) => ({ value: chamber, label: valueLabel('chambers', chamber) })),
        )}
        {facet('parties', withCounts(options.parties))}
        {facet(
          'organizationIds',
          [...organizations].map(([value, label]) => ({ value, label })),
        )}
        <Select
          label={t('contactBook.filters.campaign')}
          placeholder={t('contactBook.filters.campaignPlaceholder')}
          data={[...campaigns].map(([value, label]) => ({ value, label }))}
          value={filters.campaignId}
          onChange={(value) => onChange({ ...filters, campaignId: value, stances: [] })}
          clearable
          searchable
          data-testid="filter-campaign"
        />
        <MultiSelect
          label={t('contactBook.filters.stance')}
          description={filters.campaignId ? undefined : t('contactBook.filters.stanceHint')}
          disabled={!filters.campaignId}
          data={STANCES.map((stance) => ({
            value: stance,
            label: t(`planner.stances.${stance}`),
          }))}
          value={filters.stances}
          onChange={(value) => set('stances', value as ContactFilters['stances'])}
          searchable
          clearable
          data-testid="filter-stances"
        />
        {flag('doNotContact')}
        {flag('sensitive')}
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
            {t('contactBook.filters.clearAll')}
          </Button>
          <Button onClick={onClose} data-testid="filter-done">
            {t('contactBook.filters.showResults', {
              n: formatNumber(matching, i18n.language),
              count: matching,
            })}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
});
