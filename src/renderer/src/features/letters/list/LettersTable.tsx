import { Paper, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { contactName } from '@core/domain/contact';
import type { Letter } from '@core/domain/letter';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';
import { LetterStatusSelect } from './LetterStatusSelect';
import classes from './LettersTable.module.css';
import { formattingLocale } from '@shared/i18n/languages';

const TABLES = ['letters', 'contacts', 'campaigns'] as const;
const ROW_HEIGHT = 48;
/** Rows drawn beyond the visible ones: smooth scrolling, a few dozen rows in the page at most. */
const OVERSCAN = 16;

/** Each column's least width (px) and its share of the room left. */
const COLUMNS = {
  recipient: 'minmax(180px, 2fr)',
  campaign: 'minmax(150px, 1.5fr)',
  subject: 'minmax(200px, 2.5fr)',
  status: '160px',
  created: 'minmax(150px, 1fr)',
};

const SHOWN = ['recipient', 'campaign', 'subject', 'status', 'created'] as const;
const SHOWN_IN_CAMPAIGN = ['recipient', 'subject', 'status', 'created'] as const;

interface Row {
  letter: Letter;
  recipient: string;
  campaign: string;
}

/** One row; memoized, so scrolling renders only the rows that come into view. */
const LetterRow = memo(function LetterRow({
  row,
  index,
  start,
  showCampaign,
  gridStyle,
  date,
}: {
  row: Row;
  index: number;
  start: number;
  showCampaign: boolean;
  gridStyle: CSSProperties;
  date: Intl.DateTimeFormat;
}) {
  const { letter } = row;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes['row']}
      data-testid="letter-row"
      data-status={letter.status}
      style={{ ...gridStyle, height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <div role="gridcell" className={classes['cell']} dir="auto">
        <Text size="sm" truncate>
          {row.recipient}
        </Text>
      </div>
      {showCampaign ? (
        <div role="gridcell" className={classes['cell']} dir="auto">
          <Text size="sm" truncate>
            {row.campaign}
          </Text>
        </div>
      ) : null}
      <div role="gridcell" className={classes['cell']} dir="auto">
        <Text size="sm" truncate>
          {letter.subject ?? letter.fileName ?? ''}
        </Text>
      </div>
      <div role="gridcell" className={classes['cell']}>
        <LetterStatusSelect letter={letter} />
      </div>
      <div role="gridcell" className={classes['cell']}>
        <Text size="sm">{date.format(new Date(letter.createdAt))}</Text>
      </div>
    </div>
  );
});

/**
 * Generated letters, newest first: all of them, or one campaign's. A virtualized grid: only the
 * rows in view exist in the page, so ten thousand letters scroll as smoothly as ten.
 */
export function LettersTable({
  campaignId,
  emptyText,
}: {
  campaignId?: string;
  emptyText: string;
}) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const version = useStoreVersion(TABLES);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(
    (): Row[] =>
      core.letters
        .all()
        .filter((l) => !campaignId || l.campaignId === campaignId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((letter) => {
          const contact = core.contacts.get(letter.contactId);
          return {
            letter,
            recipient: contact ? contactName(contact) : t('writer.letters.unknownContact'),
            campaign: letter.campaignId ? (core.campaigns.get(letter.campaignId)?.name ?? '') : '',
          };
        }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, campaignId, version, t],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => rows[index]?.letter.id ?? index,
  });
  const shown = campaignId ? SHOWN_IN_CAMPAIGN : SHOWN;
  const gridStyle = useMemo<CSSProperties>(
    () => ({ gridTemplateColumns: shown.map((c) => COLUMNS[c]).join(' ') }),
    [shown],
  );
  const date = useMemo(
    () =>
      new Intl.DateTimeFormat(formattingLocale(i18n.language), {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    [i18n.language],
  );
  if (rows.length === 0)
    return (
      <Text c="dimmed" data-testid="letters-empty">
        {emptyText}
      </Text>
    );
  return (
    <Paper withBorder radius="lg" className={classes['frame']}>
      <div
        ref={scroller}
        className={classes['scroller']}
        role="grid"
        aria-label={t('writer.letters.title')}
        aria-rowcount={rows.length + 1}
        // Focusable, so the arrow and page keys scroll the list.
        tabIndex={0}
        data-testid="letters-table"
        data-count={rows.length}
      >
        <div className={classes['header']} style={gridStyle} role="row" aria-rowindex={1}>
          {shown.map((column) => (
            <div key={column} role="columnheader" className={classes['cell']}>
              <Text size="sm" fw={600} truncate>
                {t(`writer.letters.${column}`)}
              </Text>
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <LetterRow
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                showCampaign={!campaignId}
                gridStyle={gridStyle}
                date={date}
              />
            );
          })}
        </div>
      </div>
    </Paper>
  );
}
