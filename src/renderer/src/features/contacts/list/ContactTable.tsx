import { Paper } from '@mantine/core';
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@core/domain/contact';
import { ContactTableBody } from './ContactTableBody';
import { ContactTableHeader } from './ContactTableHeader';
import type { ColumnId, OrganizationNameOf, SortSpec } from './contact-columns';
import type { Selection } from './use-selection';
import classes from './ContactTable.module.css';

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

export interface ContactTableProps {
  rows: readonly Contact[];
  columns: readonly ColumnId[];
  sort: SortSpec | null;
  onSort(column: ColumnId): void;
  selection: Selection;
  organizationOf: OrganizationNameOf;
  /** Changes with the query, filters or sort: the list then goes back to its top. */
  listKey: string;
}

/**
 * The contact list: a virtualized grid (only the rows around the view exist in the page).
 * Memoized: typing in the search box alone does not redraw it.
 */
export const ContactTable = memo(function ContactTable({
  rows,
  columns,
  sort,
  onSort,
  selection,
  organizationOf,
  listKey,
}: ContactTableProps) {
  const { t } = useTranslation();
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
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
  // Read when clicked, so a new query alone does not redraw the header.
  const listed = useRef(rows);
  useLayoutEffect(() => {
    listed.current = rows;
  }, [rows]);
  const { clear, selectAll } = selection;
  const onSelectAll = useCallback(
    () => (allShown ? clear() : selectAll(listed.current)),
    [allShown, clear, selectAll],
  );
  return (
    <Paper withBorder radius="md" className={classes.frame}>
      <div
        ref={setScroller}
        className={classes.scroller}
        role="grid"
        aria-label={t('contactBook.list.tableLabel')}
        aria-rowcount={rows.length + 1}
        data-testid="contact-table"
      >
        <ContactTableHeader
          columns={columns}
          gridStyle={gridStyle}
          sort={sort}
          onSort={onSort}
          selected={allShown ? 'all' : selectedShown > 0 ? 'some' : 'none'}
          onSelectAll={onSelectAll}
        />
        <ContactTableBody
          scroller={scroller}
          rows={rows}
          columns={columns}
          gridStyle={gridStyle}
          selection={selection}
          organizationOf={organizationOf}
          listKey={listKey}
        />
      </div>
    </Paper>
  );
});
