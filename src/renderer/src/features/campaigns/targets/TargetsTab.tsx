import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STANCES, type Stance } from '@core/domain/target';
import type { CampaignWorkspaceData } from '@core/planner';
import { normalizeForSearch } from '@core/search';
import { today } from '@renderer/lib/local-time';
import { useAction } from '@renderer/lib/use-action';
import { Notice } from '@renderer/ui/Notice';
import { ReportExport } from '../report/ReportExport';
import { ADD_TARGET_KEY, SEARCH_TARGET_ATTRIBUTE } from '../shortcuts/planner-shortcuts';
import { ShortcutTooltip } from '../shortcuts/ShortcutTooltip';
import { useFormatters } from '@renderer/lib/use-formatters';
import { AddTargetsDrawer } from './AddTargetsDrawer';
import { TargetsTable } from './TargetsTable';
import { WhipCountPanel } from './WhipCountPanel';

export interface TargetsTabProps {
  data: CampaignWorkspaceData;
  adding: boolean;
  onAddingChange(adding: boolean): void;
  onLog(contactId: string): void;
}

/** The campaign's targets with their stances, the whip count, adding targets, the report. */
export function TargetsTab({ data, adding, onAddingChange, onLog }: TargetsTabProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [nameFilter, setNameFilter] = useState('');
  const [stance, setStance] = useState<Stance | null>(null);
  const changes = useAction();
  const query = normalizeForSearch(useDeferredValue(nameFilter));
  const { campaign, rows, whip } = data;

  // Normalized once per change of the rows, not once per keystroke × row.
  const searchable = useMemo(
    () => rows.map((row) => ({ row, text: normalizeForSearch(`${row.name} ${row.title ?? ''}`) })),
    [rows],
  );
  const shown = useMemo(
    () =>
      searchable
        .filter(
          ({ row, text }) => (!stance || row.stance === stance) && (!query || text.includes(query)),
        )
        .map(({ row }) => row),
    [searchable, stance, query],
  );

  return (
    <Stack gap="md">
      <WhipCountPanel whip={whip} threshold={campaign.winThreshold} />
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <TextInput
            aria-label={t('planner.targets.filterPlaceholder')}
            placeholder={t('planner.targets.filterPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={nameFilter}
            onChange={(event) => setNameFilter(event.currentTarget.value)}
            dir="auto"
            data-testid="targets-filter"
            {...{ [SEARCH_TARGET_ATTRIBUTE]: '' }}
          />
          <Select
            aria-label={t('planner.targets.stance')}
            placeholder={t('planner.targets.allStances')}
            data={STANCES.map((value) => ({ value, label: t(`planner.stances.${value}`) }))}
            value={stance}
            onChange={(value) => setStance(value as Stance | null)}
            clearable
            w={180}
            data-testid="targets-stance-filter"
          />
        </Group>
        <Group gap="sm">
          <ReportExport campaign={campaign} />
          <ShortcutTooltip label={t('planner.shortcuts.addTarget')} keys={ADD_TARGET_KEY.label}>
            <Button
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={() => onAddingChange(true)}
              data-testid="targets-add"
            >
              {t('planner.targets.add')}
            </Button>
          </ShortcutTooltip>
        </Group>
      </Group>
      {changes.outcome ? (
        <Notice tone="danger" withCloseButton onClose={changes.clear}>
          {changes.outcome.message}
        </Notice>
      ) : null}
      {rows.length === 0 ? (
        <Text c="dimmed" data-testid="targets-empty">
          {t('planner.targets.empty')}
        </Text>
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="targets-count">
              {t('planner.targets.showing', {
                count: rows.length,
                shown: format.number(shown.length),
                total: format.number(rows.length),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('planner.shortcuts.focusedRow')}
            </Text>
          </Group>
          <TargetsTable rows={shown} today={today()} onLog={onLog} run={changes.run} />
        </>
      )}
      <AddTargetsDrawer
        campaignId={campaign.id}
        opened={adding}
        onClose={() => onAddingChange(false)}
      />
    </Stack>
  );
}
