import {
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconArrowDownLeft, IconPhonePlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactName } from '@core/domain/contact';
import { DIRECTIONS, INTERACTION_KINDS, type Interaction } from '@core/domain/interaction';
import { instantKey, plannerIndexOf, type CampaignWorkspaceData } from '@core/planner';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';
import { shortcutLabel } from '@renderer/app/session/shortcuts';
import { ContactPicker } from '@renderer/features/outreach/ContactPicker';
import { localTimeZone, today } from '@renderer/lib/local-time';
import { useAction } from '@renderer/lib/use-action';
import { Notice } from '@renderer/ui/Notice';
import { DueDate } from '../plan/DueBadge';
import { LOG_INTERACTION_SHORTCUT } from '../shortcuts/planner-shortcuts';
import { ShortcutTooltip } from '../shortcuts/ShortcutTooltip';
import { useFormatters } from '@renderer/lib/use-formatters';
import { DueList } from './DueList';
import { filterInteractions, type InteractionFilter } from './interaction-filter';

const PAGE = 100;
/**
 * Date, kind, contact, outcome, follow-up. Fixed so that long outcomes wrap instead of pushing
 * the follow-up out of view; sized for the longest values in English and Arabic
 * ("Sep 30, 2026, 12:45 PM", "Social media" with the Response badge, a date with "Overdue").
 */
const COLUMN_WIDTHS = ['170px', '130px', '150px', 'auto', '170px'];

/** Keys computed once and compared as plain strings: a campaign may have 10,000 interactions. */
function newestFirst(interactions: readonly Interaction[]): Interaction[] {
  return interactions
    .map((interaction) => ({ key: instantKey(interaction.occurredAt), interaction }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .map((entry) => entry.interaction);
}

/** The campaign's outreach log with filters, follow-ups to tick off, and what is due. */
export function OutreachTab({
  data,
  onLog,
}: {
  data: CampaignWorkspaceData;
  onLog(contactId?: string): void;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const format = useFormatters();
  const version = useStoreVersion(['interactions']);
  const [filter, setFilter] = useState<InteractionFilter>({});
  const [limit, setLimit] = useState(PAGE);
  const followUps = useAction();
  const campaignId = data.campaign.id;
  const day = today();

  const all = useMemo(
    () => newestFirst(plannerIndexOf(core.store).interactionsOf(campaignId)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, campaignId, version],
  );
  const shown = useMemo(() => filterInteractions(all, filter, localTimeZone()), [all, filter]);
  const targetContacts = useMemo(() => data.rows.map((row) => row.target.contactId), [data.rows]);
  const set = (patch: InteractionFilter) => {
    setFilter((current) => ({ ...current, ...patch }));
    setLimit(PAGE);
  };
  const filtered = Object.values(filter).some(Boolean);

  const toggleFollowUp = (interaction: Interaction, done: boolean) => {
    void followUps.run(() => core.interactions.update(interaction.id, { followUpDone: done }), {
      failed: (reason) => t('planner.outreach.updateFailed', { reason }),
    });
  };

  return (
    <Grid gap="lg">
      {/* Beside the log only on wide windows: the log's five columns need the width. */}
      <Grid.Col span={{ base: 12, xl: 8 }}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Group gap="xs" align="flex-end">
              <Select
                aria-label={t('planner.outreach.kind')}
                placeholder={t('planner.outreach.anyKind')}
                data={INTERACTION_KINDS.map((value) => ({
                  value,
                  label: t(`planner.interactionKinds.${value}`),
                }))}
                value={filter.kind ?? null}
                onChange={(value) =>
                  set({ kind: (value ?? undefined) as InteractionFilter['kind'] })
                }
                clearable
                w={150}
                data-testid="outreach-kind-filter"
              />
              <Select
                aria-label={t('planner.outreach.direction')}
                placeholder={t('planner.outreach.anyDirection')}
                data={DIRECTIONS.map((value) => ({
                  value,
                  label: t(`planner.outreach.directions.${value}`),
                }))}
                value={filter.direction ?? null}
                onChange={(value) =>
                  set({ direction: (value ?? undefined) as InteractionFilter['direction'] })
                }
                clearable
                w={190}
                data-testid="outreach-direction-filter"
              />
              <ContactPicker
                aria-label={t('planner.outreach.contact')}
                placeholder={t('planner.outreach.anyContact')}
                value={filter.contactId}
                onChange={(contactId) => set({ contactId })}
                suggestions={targetContacts}
                w={220}
                data-testid="outreach-contact-filter"
              />
              <DatePickerInput
                type="range"
                aria-label={t('planner.outreach.dateRange')}
                placeholder={t('planner.outreach.dateRange')}
                value={[filter.from ?? null, filter.to ?? null]}
                onChange={([from, to]) => set({ from: from ?? undefined, to: to ?? undefined })}
                clearable
                valueFormat="D MMM YYYY"
                miw={200}
                data-testid="outreach-date-filter"
              />
              {filtered ? (
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() =>
                    set({
                      kind: undefined,
                      direction: undefined,
                      contactId: undefined,
                      from: undefined,
                      to: undefined,
                    })
                  }
                >
                  {t('planner.outreach.clearFilters')}
                </Button>
              ) : null}
            </Group>
            <ShortcutTooltip
              label={t('planner.shortcuts.logInteraction')}
              keys={shortcutLabel(LOG_INTERACTION_SHORTCUT)}
            >
              <Button
                leftSection={<IconPhonePlus size={16} aria-hidden />}
                onClick={() => onLog()}
                data-testid="outreach-log"
              >
                {t('planner.outreach.log')}
              </Button>
            </ShortcutTooltip>
          </Group>
          {followUps.outcome ? (
            <Notice tone="danger" withCloseButton onClose={followUps.clear}>
              {followUps.outcome.message}
            </Notice>
          ) : null}
          {all.length === 0 ? (
            <Text c="dimmed" data-testid="outreach-empty">
              {t('planner.outreach.empty')}
            </Text>
          ) : shown.length === 0 ? (
            <Text c="dimmed">{t('planner.outreach.noMatch')}</Text>
          ) : (
            <Paper withBorder radius="lg">
              <Table.ScrollContainer minWidth={820}>
                <Table
                  verticalSpacing="xs"
                  highlightOnHover
                  layout="fixed"
                  data-testid="outreach-log-table"
                >
                  <colgroup>
                    {COLUMN_WIDTHS.map((width, index) => (
                      <col key={index} style={{ width }} />
                    ))}
                  </colgroup>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('planner.outreach.date')}</Table.Th>
                      <Table.Th>{t('planner.outreach.kind')}</Table.Th>
                      <Table.Th>{t('planner.outreach.contact')}</Table.Th>
                      <Table.Th>{t('planner.outreach.outcome')}</Table.Th>
                      <Table.Th style={{ whiteSpace: 'nowrap' }}>
                        {t('planner.outreach.followUp')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.slice(0, limit).map((interaction) => {
                      const contact = core.contacts.get(interaction.contactId);
                      return (
                        <Table.Tr
                          key={interaction.id}
                          data-testid="outreach-row"
                          data-kind={interaction.kind}
                          data-direction={interaction.direction}
                        >
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Text size="sm">{format.instant(interaction.occurredAt)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4} style={{ rowGap: 2 }}>
                              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                                {t(`planner.interactionKinds.${interaction.kind}`)}
                              </Text>
                              {interaction.direction === 'incoming' ? (
                                <Badge
                                  size="xs"
                                  color="grape"
                                  variant="light"
                                  leftSection={<IconArrowDownLeft size={10} aria-hidden />}
                                  style={{ flexShrink: 0 }}
                                >
                                  {t('planner.outreach.incomingBadge')}
                                </Badge>
                              ) : null}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={500} dir="auto">
                              {contact ? contactName(contact) : t('planner.due.unknownContact')}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {interaction.outcome ? (
                              <Text size="sm" dir="auto" lineClamp={2}>
                                {interaction.outcome}
                              </Text>
                            ) : null}
                            {interaction.notes ? (
                              <Text size="xs" c="dimmed" dir="auto" lineClamp={2}>
                                {interaction.notes}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td data-testid="outreach-follow-up">
                            {interaction.followUpDate ? (
                              <Stack gap={2}>
                                <DueDate
                                  due={interaction.followUpDate}
                                  today={day}
                                  open={!interaction.followUpDone}
                                />
                                <Checkbox
                                  size="xs"
                                  label={t('planner.outreach.followUpDone')}
                                  aria-label={
                                    interaction.followUpDone
                                      ? t('planner.outreach.reopen')
                                      : t('planner.outreach.markDone')
                                  }
                                  checked={interaction.followUpDone}
                                  onChange={(event) =>
                                    toggleFollowUp(interaction, event.currentTarget.checked)
                                  }
                                  data-testid="follow-up-done"
                                />
                              </Stack>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
          {shown.length > 0 ? (
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="outreach-count">
                {t('planner.outreach.showing', {
                  shown: format.number(Math.min(limit, shown.length)),
                  total: format.number(shown.length),
                })}
              </Text>
              {shown.length > limit ? (
                <Button variant="default" size="xs" onClick={() => setLimit(limit + PAGE)}>
                  {t('planner.outreach.showMore')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 4 }}>
        <DueList campaignId={campaignId} items={data.due} today={day} />
      </Grid.Col>
    </Grid>
  );
}
