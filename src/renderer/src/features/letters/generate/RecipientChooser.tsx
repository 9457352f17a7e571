import {
  Button,
  Checkbox,
  Chip,
  Group,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactName } from '@core/domain/contact';
import { STANCES } from '@core/domain/target';
import type { LetterRecipient } from '@core/letters';
import { formatNumber } from '@renderer/lib/format-number';
import type { RecipientSelection, RecipientSource, TargetFilter } from './recipient-selection';

/** Who gets a letter: a campaign's targets (all, by stance, selected) or contacts picked by hand. */
export function RecipientChooser({
  available,
  chosenCount,
  selection,
  onChange,
  hasCampaign,
}: {
  available: readonly LetterRecipient[];
  chosenCount: number;
  selection: RecipientSelection;
  onChange: (next: RecipientSelection) => void;
  hasCampaign: boolean;
}) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<RecipientSelection>) => onChange({ ...selection, ...patch });
  const listed = selection.source === 'contacts' || selection.filter === 'selected';
  const selected = new Set(selection.selected);
  const toggle = (id: string, on: boolean) =>
    set({ selected: on ? [...selected, id] : selection.selected.filter((s) => s !== id) });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('writer.generate.source')}
      </Text>
      <SegmentedControl
        value={selection.source}
        onChange={(source) => set({ source: source as RecipientSource, selected: [] })}
        data={(['targets', 'contacts'] as const).map((value) => ({
          value,
          label: t(`writer.generate.sources.${value}`),
          disabled: value === 'targets' && !hasCampaign,
        }))}
        data-testid="generate-source"
      />
      {selection.source === 'targets' ? (
        <SegmentedControl
          value={selection.filter}
          onChange={(filter) => set({ filter: filter as TargetFilter })}
          data={(['all', 'stance', 'selected'] as const).map((value) => ({
            value,
            label: t(`writer.generate.filters.${value}`),
          }))}
          data-testid="generate-filter"
        />
      ) : null}
      {selection.source === 'targets' && selection.filter === 'stance' ? (
        <Chip.Group
          multiple
          value={selection.stances}
          onChange={(stances) => set({ stances: stances as RecipientSelection['stances'] })}
        >
          <Group gap={6}>
            {STANCES.map((stance) => (
              <Chip key={stance} value={stance} size="xs" data-testid={`generate-stance-${stance}`}>
                {t(`planner.stances.${stance}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      ) : null}
      {listed ? (
        <>
          <Group gap="xs">
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => set({ selected: available.map((r) => r.id) })}
              data-testid="generate-select-all"
            >
              {t('writer.generate.selectAll')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => set({ selected: [] })}
              data-testid="generate-select-none"
            >
              {t('writer.generate.selectNone')}
            </Button>
          </Group>
          <ScrollArea.Autosize mah={220} type="auto">
            <Stack gap={4} data-testid="generate-recipient-list">
              {available.map((r) => (
                <Checkbox
                  key={r.id}
                  label={<span dir="auto">{contactName(r.contact)}</span>}
                  checked={selected.has(r.id)}
                  onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                  data-testid="generate-recipient"
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </>
      ) : null}
      <Text size="sm" c="dimmed" data-testid="generate-selected-count">
        {t('writer.generate.selectedCount', {
          n: formatNumber(chosenCount, i18n.language),
          total: formatNumber(available.length, i18n.language),
        })}
      </Text>
    </Stack>
  );
}
