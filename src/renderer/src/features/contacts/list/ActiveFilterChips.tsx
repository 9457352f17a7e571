import { Badge, Button, CloseButton, Group } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  countActiveFilters,
  LIST_FACETS,
  NO_FILTERS,
  type ContactFilters,
} from '@renderer/lib/contact-filters';
import { useFilterLabels } from './use-filter-labels';

interface Chip {
  key: string;
  label: string;
  remove(): ContactFilters;
}

/** The filters in force, each removable, and "clear all". */
export const ActiveFilterChips = memo(function ActiveFilterChips({
  filters,
  onChange,
}: {
  filters: ContactFilters;
  onChange(filters: ContactFilters): void;
}) {
  const { t } = useTranslation();
  const { facetTitle, valueLabel, campaigns } = useFilterLabels();
  if (countActiveFilters(filters) === 0) return null;

  const chips: Chip[] = [];
  for (const facet of LIST_FACETS) {
    for (const value of filters[facet] as string[]) {
      chips.push({
        key: `${facet}:${value}`,
        label: `${facetTitle(facet)}: ${valueLabel(facet, value)}`,
        remove: () => ({
          ...filters,
          [facet]: (filters[facet] as string[]).filter((v) => v !== value),
        }),
      });
    }
  }
  if (filters.campaignId) {
    chips.push({
      key: 'campaign',
      label: t('contactBook.filters.chipCampaign', {
        campaign: campaigns.get(filters.campaignId) ?? '',
      }),
      remove: () => ({ ...filters, campaignId: null, stances: [] }),
    });
    for (const stance of filters.stances) {
      chips.push({
        key: `stance:${stance}`,
        label: `${t('contactBook.filters.stance')}: ${t(`planner.stances.${stance}`)}`,
        remove: () => ({ ...filters, stances: filters.stances.filter((s) => s !== stance) }),
      });
    }
  }
  if (filters.doNotContact !== 'any') {
    chips.push({
      key: 'dnc',
      label: t(
        filters.doNotContact === 'only'
          ? 'contactBook.filters.chipDoNotContactOnly'
          : 'contactBook.filters.chipDoNotContactHidden',
      ),
      remove: () => ({ ...filters, doNotContact: 'any' }),
    });
  }
  if (filters.sensitive !== 'any') {
    chips.push({
      key: 'sensitive',
      label: t(
        filters.sensitive === 'only'
          ? 'contactBook.filters.chipSensitiveOnly'
          : 'contactBook.filters.chipSensitiveHidden',
      ),
      remove: () => ({ ...filters, sensitive: 'any' }),
    });
  }

  return (
    <Group gap="xs" mb="sm" data-testid="filter-chips">
      {chips.map((chip) => (
        <Badge
          key={chip.key}
          variant="light"
          size="lg"
          tt="none"
          fw={500}
          pe={4}
          rightSection={
            <CloseButton
              size="xs"
              variant="transparent"
              onClick={() => onChange(chip.remove())}
              aria-label={t('contactBook.filters.remove', { label: chip.label })}
              data-testid="filter-chip-remove"
            />
          }
          data-testid="filter-chip"
        >
          <span dir="auto">{chip.label}</span>
        </Badge>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => onChange(NO_FILTERS)}
        data-testid="filter-clear-all"
      >
        {t('contactBook.filters.clearAll')}
      </Button>
    </Group>
  );
});
