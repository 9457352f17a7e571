import { Badge, Checkbox, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUsStateCode, legislatorRole, type Legislator } from '@core/directory';
import { formatNumber } from '@renderer/lib/format-number';

const PARTY_COLORS: Record<string, string> = {
  Democrat: 'blue',
  Republican: 'red',
  Independent: 'gray',
};

/** The matching legislators with a checkbox each; those already in the contacts are marked. */
export function LegislatorList({
  legislators,
  selected,
  inContacts,
  onToggle,
}: {
  legislators: readonly Legislator[];
  selected: ReadonlySet<string>;
  inContacts: ReadonlySet<string>;
  onToggle(bioguide: string): void;
}) {
  const { t, i18n } = useTranslation();
  const place = (l: Legislator) => {
    const state = isUsStateCode(l.state) ? t(`directory.states.${l.state}`) : l.state;
    if (l.district === null || legislatorRole(l) !== 'representative') return state;
    const district =
      l.district === 0
        ? t('directory.directory.atLarge')
        : t('directory.directory.districtNumber', {
            district: formatNumber(l.district, i18n.language),
          });
    return `${state} · ${district}`;
  };
  const party = (name: string) =>
    name in PARTY_COLORS
      ? t(`directory.directory.parties.${name as 'Democrat' | 'Republican' | 'Independent'}`)
      : name;

  return (
    <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
      <Stack gap={4} data-testid="directory-list">
        {legislators.map((l) => (
          <Group
            key={l.bioguide}
            gap="sm"
            wrap="nowrap"
            px="xs"
            py={6}
            data-testid="directory-row"
            data-bioguide={l.bioguide}
          >
            <Checkbox
              checked={selected.has(l.bioguide)}
              onChange={() => onToggle(l.bioguide)}
              aria-label={t('directory.directory.select', { name: l.name })}
            />
            <div style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={600} truncate>
                <bdi>{l.name}</bdi>
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {t(`directory.directory.roles.${legislatorRole(l)}`)} · {place(l)}
              </Text>
            </div>
            <Group gap={6} wrap="nowrap">
              {inContacts.has(l.bioguide) && (
                <Badge variant="light" color="teal" data-testid="directory-in-contacts">
                  {t('directory.directory.inContacts')}
                </Badge>
              )}
              <Badge variant="outline" color={PARTY_COLORS[l.party] ?? 'gray'}>
                {party(l.party)}
              </Badge>
            </Group>
          </Group>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
