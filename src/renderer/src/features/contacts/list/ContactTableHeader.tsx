import { Checkbox } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnId, SortSpec } from './contact-columns';
import classes from './ContactTable.module.css';

function SortIcon({ active, direction }: { active: boolean; direction?: string }) {
  if (!active) return <IconSelector size={14} aria-hidden className={classes.sortIdle} />;
  return direction === 'asc' ? (
    <IconArrowUp size={14} aria-hidden />
  ) : (
    <IconArrowDown size={14} aria-hidden />
  );
}

export interface ContactTableHeaderProps {
  columns: readonly ColumnId[];
  gridStyle: CSSProperties;
  sort: SortSpec | null;
  onSort(column: ColumnId): void;
  /** Whether every listed contact is selected, some are, or none. */
  selected: 'all' | 'some' | 'none';
  onSelectAll(): void;
}

/**
 * The list's sticky header: select-all and the sortable column titles, as plain elements
 * styled by the CSS module. Memoized apart from the rows: a scroll step does not redraw it.
 */
export const ContactTableHeader = memo(function ContactTableHeader({
  columns,
  gridStyle,
  sort,
  onSort,
  selected,
  onSelectAll,
}: ContactTableHeaderProps) {
  const { t } = useTranslation();
  return (
    <div className={classes.header} style={gridStyle} role="row" aria-rowindex={1}>
      <div className={classes.checkCell} role="columnheader">
        <Checkbox
          aria-label={t('contactBook.list.selectAllMatching')}
          checked={selected === 'all'}
          indeterminate={selected === 'some'}
          onChange={onSelectAll}
          data-testid="contact-select-all"
        />
      </div>
      {columns.map((column) => {
        const active = sort?.column === column;
        return (
          <div
            key={column}
            role="columnheader"
            aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
            className={classes.headerCell}
          >
            <button
              type="button"
              onClick={() => onSort(column)}
              className={classes.sortButton}
              data-testid={`sort-${column}`}
            >
              <span className={classes.sortLabel}>{t(`contactBook.columns.${column}`)}</span>
              <SortIcon active={active} direction={sort?.direction} />
            </button>
          </div>
        );
      })}
    </div>
  );
});
