import {
  ActionIcon,
  Box,
  Group,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconBan, IconDots, IconPhonePlus, IconTrash } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STANCES, type Stance } from '@core/domain/target';
import type { TargetRow } from '@core/planner';
import { useDataCore } from '@renderer/app/data/data-core-context';
import type { RunAction } from '@renderer/lib/use-action';
import { DueDate } from '../plan/DueBadge';
import { digitIndex, isTextEntry } from '@renderer/lib/keyboard';
import { LOG_KEY } from '../shortcuts/planner-shortcuts';
import { useFormatters } from '@renderer/lib/use-formatters';
import { StanceHistory } from './StanceHistory';

/** From this many rows on, only the rows in view are rendered. */
const VIRTUALIZE_FROM = 100;
const ROW_HEIGHT = 60;
/**
 * The header and each row are grids of their own (rows may be virtualized), so no column may
 * size itself to its content, except the stance column, whose control is the same in every
 * row: the header sizes that one with a hidden copy of the control.
 */
const COLUMNS =
  'minmax(140px, 1.3fr) max-content 64px minmax(110px, 0.6fr) minmax(120px, 0.8fr) 72px';
const GAP = 'var(--mantine-spacing-xs)';
const PRIORITIES = ['1', '2', '3', '4', '5'];

export interface TargetsTableProps {
  rows: readonly TargetRow[];
  today: string;
  onLog(contactId: string): void;
  /** Runs a row's change; its parent shows a failure. */
  run: RunAction;
}

/** The campaign's targets; the stance changes in one click, or with keys 1–6 on a focused row. */
export function TargetsTable({ rows, today, onLog, run }: TargetsTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length >= VIRTUALIZE_FROM;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const header = (
    <Box
      role="row"
      style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: GAP }}
      px="sm"
      py={6}
      fz="sm"
      fw={600}
      c="dimmed"
    >
      <span role="columnheader">{t('planner.targets.name')}</span>
      <span role="columnheader">
        {t('planner.targets.stance')}
        <StanceControlSizer />
      </span>
      <span role="columnheader">{t('planner.targets.priority')}</span>
      <span role="columnheader">{t('planner.targets.lastInteraction')}</span>
      <span role="columnheader">{t('planner.targets.nextFollowUp')}</span>
      <span role="columnheader">
        <VisuallyHidden>{t('planner.targets.actions')}</VisuallyHidden>
      </span>
    </Box>
  );
  const row = (entry: TargetRow) => (
    <TargetRowView key={entry.target.id} row={entry} today={today} onLog={onLog} run={run} />
  );

  return (
    <Paper
      withBorder
      radius="lg"
      role="table"
      aria-label={t('planner.targets.tab')}
      data-testid="targets-table"
      style={{ overflowX: 'auto' }}
    >
      <Box miw={900}>
        {header}
        {virtual ? (
          <div ref={scrollRef} style={{ height: '65vh', overflowY: 'auto' }}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => (
                <div
                  key={item.key}
                  style={{
                    position: 'absolute',
                    insetInlineStart: 0,
                    width: '100%',
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {row(rows[item.index] as TargetRow)}
                </div>
              ))}
            </div>
          </div>
        ) : (
          rows.map(row)
        )}
      </Box>
    </Paper>
  );
}

/** A copy of a row's stance control with no height, no focus and no voice: only its width. */
function StanceControlSizer() {
  const { t } = useTranslation();
  return (
    <Box aria-hidden h={0} style={{ overflow: 'hidden', visibility: 'hidden' }}>
      <SegmentedControl
        size="xs"
        readOnly
        data={STANCES.map((stance) => ({ value: stance, label: t(`planner.stances.${stance}`) }))}
      />
    </Box>
  );
}

function focusSibling(current: HTMLElement, step: 1 | -1) {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="target-row"]')];
  rows[rows.indexOf(current) + step]?.focus();
}

const TargetRowView = memo(function TargetRowView({
  row,
  today,
  onLog,
  run,
}: {
  row: TargetRow;
  today: string;
  onLog(contactId: string): void;
  run: RunAction;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const format = useFormatters();
  const { target, contact } = row;

  const setStance = (stance: Stance) => {
    void run(() => core.targets.setStance(target.id, stance), {
      failed: (reason) => t('planner.targets.stanceFailed', { reason }),
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
    const index = digitIndex(event.nativeEvent.code);
    const stance = index === undefined ? undefined : STANCES[index];
    if (stance) {
      event.preventDefault();
      setStance(stance);
    } else if (event.nativeEvent.code === LOG_KEY.code) {
      event.preventDefault();
      event.stopPropagation();
      onLog(target.contactId);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (event.target !== event.currentTarget) return;
      event.preventDefault();
      focusSibling(event.currentTarget, event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <Box
      role="row"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={row.name}
      data-testid="target-row"
      data-target-id={target.id}
      data-contact-name={row.name}
      data-stance={target.stance}
      style={{
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        gap: GAP,
        alignItems: 'center',
        minHeight: ROW_HEIGHT,
        borderTop: '1px solid var(--mantine-color-default-border)',
      }}
      px="sm"
      py={6}
    >
      <div role="cell" style={{ minWidth: 0 }}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm" dir="auto" truncate>
            {row.name || '—'}
          </Text>
          {contact?.doNotContact ? (
            <Tooltip label={t('planner.targets.doNotContact')} withArrow>
              <IconBan
                size={14}
                color="var(--mantine-color-red-filled)"
                aria-label={t('planner.targets.doNotContact')}
              />
            </Tooltip>
          ) : null}
        </Group>
        {row.title ? (
          <Text size="xs" c="dimmed" dir="auto" truncate>
            {row.title}
          </Text>
        ) : null}
      </div>
      <div role="cell">
        <SegmentedControl
          size="xs"
          value={target.stance}
          onChange={(value) => setStance(value as Stance)}
          aria-label={`${t('planner.targets.stance')}: ${row.name}`}
          data-testid="stance-control"
          data={STANCES.map((stance) => ({
            value: stance,
            label: <span data-testid={`stance-${stance}`}>{t(`planner.stances.${stance}`)}</span>,
          }))}
        />
      </div>
      <div role="cell">
        <Select
          size="xs"
          data={PRIORITIES.map((value) => ({ value, label: format.number(Number(value)) }))}
          value={String(target.priority)}
          allowDeselect={false}
          aria-label={`${t('planner.targets.priority')}: ${row.name}`}
          onChange={(value) => {
            if (!value) return;
            void run(() => core.targets.update(target.id, { priority: Number(value) }), {
              failed: (reason) => t('planner.targets.priorityFailed', { reason }),
            });
          }}
          data-testid="priority"
        />
      </div>
      <div role="cell" style={{ minWidth: 0 }}>
        {row.lastInteraction ? (
          <Tooltip label={format.instant(row.lastInteraction)} withArrow>
            <Text size="sm" truncate data-testid="last-interaction">
              {format.instantDay(row.lastInteraction)}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed" truncate>
            {t('planner.targets.never')}
          </Text>
        )}
      </div>
      <div
        role="cell"
        data-testid="next-follow-up"
        data-day={row.nextFollowUp}
        style={{ minWidth: 0 }}
      >
        {row.nextFollowUp ? (
          <DueDate due={row.nextFollowUp} today={today} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('planner.targets.noFollowUp')}
          </Text>
        )}
      </div>
      <div role="cell">
        <Group gap={0} wrap="nowrap">
          <StanceHistory target={target} name={row.name} />
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`${t('planner.targets.actions')}: ${row.name}`}
              >
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconPhonePlus size={16} aria-hidden />}
                rightSection={
                  <Text size="xs" c="dimmed">
                    {LOG_KEY.label}
                  </Text>
                }
                onClick={() => onLog(target.contactId)}
              >
                {t('planner.outreach.log')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => {
                  void run(() => core.targets.remove(target.id), {
                    failed: (reason) => t('planner.targets.removeFailed', { reason }),
                  });
                }}
                data-testid="target-remove"
              >
                {t('planner.targets.remove')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </div>
    </Box>
  );
});
