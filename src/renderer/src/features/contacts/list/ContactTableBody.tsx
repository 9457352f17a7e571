import { useCallback, useMemo, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHref, useNavigate } from 'react-router';
import type { Contact } from '@core/domain/contact';
import { ContactRow } from './ContactRow';
import type { ColumnId, OrganizationNameOf } from './contact-columns';
import { rowTextOf } from './row-text';
import { useRowWindow } from './use-row-window';
import type { Selection } from './use-selection';

const ROW_HEIGHT = 44;
/** The sticky header's height (as in the CSS module), above the first row in the scroller. */
const HEADER_HEIGHT = 40;
/**
 * Rows drawn beyond the visible ones. A short list is drawn whole (cheap, and the browser's
 * find-in-page sees every row); a long one only around the view, as every drawn row costs
 * on each keystroke and while scrolling.
 */
const OVERSCAN = 3;
const DRAWN_WHOLE_UP_TO = 60;

/** A name link opens the contact's page through the router (a plain click only). */
function useOpenContact() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      const row = event.currentTarget.closest<HTMLElement>('[data-contact-id]');
      const id = row?.dataset['contactId'];
      if (!id) return;
      event.preventDefault();
      void navigate(`/contacts/${id}`);
    },
    [navigate],
  );
}

export interface ContactTableBodyProps {
  /** The scrolling element the rows are in (null until it is in the page). */
  scroller: HTMLElement | null;
  rows: readonly Contact[];
  columns: readonly ColumnId[];
  gridStyle: CSSProperties;
  selection: Selection;
  organizationOf: OrganizationNameOf;
  listKey: string;
}

/**
 * The rows of the contact list around the view. It alone follows the scrolling, so a scroll
 * step redraws the rows that came into view and nothing around them.
 */
export function ContactTableBody({
  scroller,
  rows,
  columns,
  gridStyle,
  selection,
  organizationOf,
  listKey,
}: ContactTableBodyProps) {
  const { t, i18n } = useTranslation();
  const text = useMemo(() => rowTextOf(t), [t]);
  const drawn = useRowWindow(
    scroller,
    {
      count: rows.length,
      rowHeight: ROW_HEIGHT,
      offset: HEADER_HEIGHT,
      overscan: OVERSCAN,
      drawWholeUpTo: DRAWN_WHOLE_UP_TO,
    },
    listKey,
  );
  const contactsHref = useHref('/contacts');
  const onOpen = useOpenContact();
  const drawnRows: ReactNode[] = [];
  for (let index = drawn.start; index < drawn.end; index += 1) {
    const contact = rows[index];
    if (!contact) continue;
    drawnRows.push(
      <ContactRow
        // Keyed by slot, not by contact: a new query or a scroll step fills the rows already
        // in the page with other contacts instead of replacing them.
        key={index % drawn.slots}
        contact={contact}
        index={index}
        start={index * ROW_HEIGHT}
        height={ROW_HEIGHT}
        selected={selection.isSelected(contact.id)}
        columns={columns}
        gridStyle={gridStyle}
        organizationOf={organizationOf}
        onToggle={selection.toggle}
        text={text}
        language={i18n.language}
        contactsHref={contactsHref}
        onOpen={onOpen}
      />,
    );
  }

  return <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>{drawnRows}</div>;
}
