/**
 * One row of the contact list. Memoized: while the list scrolls, rows that stay in view are
 * not drawn again, and each cell gets its words from here rather than a hook of its own (a
 * hook per cell, times a few hundred cells, was most of the cost of a keystroke at 100,000
 * contacts).
 * Rows hold plain elements styled by the CSS module, no Mantine components: each of those
 * costs a few hooks and a style object, and a query redraws every row in view.
 */
import { memo, type CSSProperties, type MouseEventHandler } from 'react';
import { contactName, type Contact } from '@core/domain/contact';
import { ContactCell } from './ContactCell';
import type { ColumnId, OrganizationNameOf } from './contact-columns';
import type { RowText } from './row-text';
import classes from './ContactTable.module.css';

export interface ContactRowProps {
  contact: Contact;
  index: number;
  /** Offset from the top of the list, in px. */
  start: number;
  height: number;
  selected: boolean;
  columns: readonly ColumnId[];
  gridStyle: CSSProperties;
  organizationOf: OrganizationNameOf;
  onToggle(index: number, range: boolean): void;
  text: RowText;
  language: string;
  contactsHref: string;
  onOpen: MouseEventHandler<HTMLAnchorElement>;
}

export const ContactRow = memo(function ContactRow({
  contact,
  index,
  start,
  height,
  selected,
  columns,
  gridStyle,
  organizationOf,
  onToggle,
  text,
  language,
  contactsHref,
  onOpen,
}: ContactRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.row}
      data-selected={selected || undefined}
      data-testid="contact-row"
      data-contact-id={contact.id}
      style={{ ...gridStyle, height, transform: `translateY(${start}px)` }}
    >
      <div className={classes.checkCell} role="gridcell">
        <input
          type="checkbox"
          className={classes.check}
          aria-label={text.selectRow(contactName(contact))}
          checked={selected}
          onChange={() => undefined}
          onClick={(event) => onToggle(index, event.shiftKey)}
          data-testid="contact-select"
        />
      </div>
      {columns.map((column) => (
        <ContactCell
          key={column}
          column={column}
          contact={contact}
          organizationOf={organizationOf}
          text={text}
          language={language}
          contactsHref={contactsHref}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
});
