import { Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isUsStateCode, type DirectoryFacets, type LegislatorFilter } from '@core/directory';
import { formatNumber } from '@renderer/lib/format-number';

const ALL = '';

export function DirectoryFilters({
  facets,
  filter,
  onChange,
}: {
  facets: DirectoryFacets;
  filter: LegislatorFilter;
  onChange(filter: LegislatorFilter): void;
}) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<LegislatorFilter>) => onChange({ ...filter, ...patch });
  const stateName = (code: string) => (isUsStateCode(code) ? t(`directory.states.${code}`) : code);
  const states = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return facets.states
      .map((code) => ({ value: code, label: `${stateName(code)} (${code})` }))
      .sort((a, b) => collator.compare(a.label, b.label));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- stateName follows the language
  }, [facets, i18n.language]);
  const districts = (filter.state && facets.districts.get(filter.state)) || [];
  const districtLabel = (n: number) =>
    n === 0
      ? t('directory.directory.atLarge')
      : t('directory.directory.districtNumber', { district: formatNumber(n, i18n.language) });
  const partyLabel = (party: string) =>
    party in PARTY_KEYS
      ? t(`directory.directory.parties.${party as keyof typeof PARTY_KEYS}`)
      : party;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="directory-chamber-label">
            {t('directory.directory.chamber')}
          </Text>
          <SegmentedControl
            aria-labelledby="directory-chamber-label"
            value={filter.chamber ?? ALL}
            onChange={(value) =>
              set({
                chamber: value === ALL ? undefined : (value as LegislatorFilter['chamber']),
                district: value === 'senate' ? undefined : filter.district,
              })
            }
            data={[
              { value: ALL, label: t('directory.directory.chamberAll') },
              { value: 'senate', label: t('directory.directory.senate') },
              { value: 'house', label: t('directory.directory.house') },
            ]}
            data-testid="directory-chamber"
          />
        </Stack>
        <TextInput
          label={t('directory.directory.search')}
          placeholder={t('directory.directory.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter.query ?? ''}
          onChange={(event) => set({ query: event.currentTarget.value })}
          style={{ flex: '1 1 200px' }}
          data-testid="directory-search"
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <Select
          label={t('directory.directory.state')}
          placeholder={t('directory.directory.stateAll')}
          data={states}
          value={filter.state ?? null}
          onChange={(value) => set({ state: value ?? undefined, district: undefined })}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="directory-state"
        />
        <Select
          label={t('directory.directory.district')}
          placeholder={
            filter.state
              ? t('directory.directory.districtAll')
              : t('directory.directory.districtHint')
          }
          data={districts.map((n) => ({ value: String(n), label: districtLabel(n) }))}
          value={filter.district === undefined ? null : String(filter.district)}
          onChange={(value) => set({ district: value === null ? undefined : Number(value) })}
          disabled={!filter.state || filter.chamber === 'senate' || districts.length === 0}
          clearable
          data-testid="directory-district"
        />
        <Select
          label={t('directory.directory.party')}
          placeholder={t('directory.directory.partyAll')}
          data={facets.parties.map((party) => ({ value: party, label: partyLabel(party) }))}
          value={filter.party ?? null}
          onChange={(value) => set({ party: value ?? undefined })}
          clearable
          data-testid="directory-party"
        />
        <Select
          label={t('directory.directory.committee')}
          placeholder={t('directory.directory.committeeAll')}
          data={facets.committees}
          value={filter.committee ?? null}
          onChange={(value) => set({ committee: value ?? undefined })}
          searchable
          clearable
          data-testid="directory-committee"
        />
      </SimpleGrid>
    </Stack>
  );
}

const PARTY_KEYS = { Democrat: true, Republican: true, Independent: true } as const;
