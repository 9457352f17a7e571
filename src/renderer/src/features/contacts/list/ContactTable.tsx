import { Checkbox, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@core/domain/contact';
import { ContactRow } from './ContactRow';
import type { ColumnId, OrganizationNameOf, SortSpec } from './contact-columns';
import type { Selection } from './use-selection';
import classes from './ContactTable.module.css';

const ROW_HEIGHT = 44;
/**
 * Rows drawn beyond the visible ones. A short list is drawn whole (cheap, and the browser's
 * find-in-page sees every row); a long one only around the view, as every drawn row costs
 * on each keystroke and while scrolling.
 */
const OVERSCAN = 8;
const DRAWN_WHOLE_UP_TO = 60;

/** Each column's least width (px) and its share of the room left. */
const WIDTHS: Record<ColumnId, [number, number]> = {
  name: [200, 2],
  kind: [110, 1],
  title: [180, 2],
  organization: [170, 1.6],
  jurisdiction: [150, 1.4],
  chamber: [120, 1],
  party: [110, 1],
  email: [200, 1.6],
  phone: [150, 1],
  tags: [150, 1.4],
  flags: [160, 1.1],
  updated: [120, 1],
};
const CHECK_WIDTH = 44;
const rowHeight = () => ROW_HEIGHT;

export interface ContactTableProps {
  rows: readonly Contact[];
  columns: readonly ColumnId[];
  sort: SortSpec | null;
  onSort(column: ColumnId): void;
  selection: Selection;
  organizationOf: OrganizationNameOf;
}

function SortIcon({ active, direction }: { active: boolean; direction?: string }) {
  if (!active) return <IconSelector size={14} aria-hidden className={classes.sortIdle} />;
  return direction === 'asc' ? (
    <IconArrowUp size={14} aria-hidden />
  ) : (
    <IconArrowDown size={14} aria-hidden />
  );
}

/**
 * The contact list: a virtualized grid (only the rows in view exist in the page). Memoized: a
 * keystroke first redraws the page with the old rows (the query is deferred) and skips this.
 */
export const ContactTable = memo(function ContactTable({
  rows,
  columns,
  sort,
  onSort,
  selection,
  organizationOf,
}: ContactTableProps) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: rowHeight,
    overscan: rows.length <= DRAWN_WHOLE_UP_TO ? DRAWN_WHOLE_UP_TO : OVERSCAN,
  });
  // One object while the columns stay: rows are memoized on it.
  const gridStyle = useMemo<CSSProperties>(() => {
    const template = columns.map((column) => {
      const [least, share] = WIDTHS[column];
      return `minmax(${least}px, ${share}fr)`;
    });
    return {
      gridTemplateColumns: [`${CHECK_WIDTH}px`, ...template].join(' '),
      minWidth: columns.reduce((sum, column) => sum + WIDTHS[column][0], CHECK_WIDTH),
    };
  }, [columns]);
  const selectedShown = useMemo(
    () =>
      selection.ids.size === 0
        ? 0
        : rows.reduce((n, row) => n + (selection.ids.has(row.id) ? 1 : 0), 0),
    [rows, selection.ids],
  );
  const allShown = rows.length > 0 && selectedShown === rows.length;
  const items = virtualizer.getVirtualItems();

  return (
    <Paper withBorder radius="md" className={classes.frame}>
      <div
        ref={scroller}
        className={classes.scroller}
        role="grid"
        aria-label={t('contactBook.list.tableLabel')}
        aria-rowcount={rows.length + 1}
        data-testid="contact-table"
      >
        <div className={classes.header} style={gridStyle} role="row" aria-rowindex={1}>
          <div className={classes.checkCell} role="columnheader">
            <Checkbox
              aria-label={t('contactBook.list.selectAllMatching')}
              checked={allShown}
              indeterminate={selectedShown > 0 && !allShown}
              onChange={() => (allShown ? selection.clear() : selection.selectAll(rows))}
              data-testid="contact-select-all"
            />
          </div>
          {columns.map((column) => {
            const active = sort?.column === column;
            return (
              <div
                key={column}
                role="columnheader"
                aria-sort={
                  active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                }
                className={classes.headerCell}
              >
                <UnstyledButton
                  onClick={() => onSort(column)}
                  className={classes.sortButton}
                  data-testid={`sort-${column}`}
                >
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={600} truncate>
                      {t(`contactBook.columns.${column}`)}
                    </Text>
                    <SortIcon active={active} direction={sort?.direction} />
                  </Group>
                </UnstyledButton>
              </div>
            );
          })}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const contact = rows[item.index];
            if (!contact) return null;
            return (
              <ContactRow
                // Keyed by slot, not by contact: a new query or a scroll step fills the rows
                // already in the page with other contacts instead of replacing them. The drawn
                // indexes are consecutive, so the slots are distinct.
                key={item.index % items.length}
                contact={contact}
                index={item.index}
                start={item.start}
                height={ROW_HEIGHT}
                selected={selection.isSelected(contact.id)}
                columns={columns}
                gridStyle={gridStyle}
                organizationOf={organizationOf}
                onToggle={selection.toggle}
                t={t}
                language={i18n.language}
              />
            );
          })}
        </div>
      </div>
    </Paper>
  );
});
