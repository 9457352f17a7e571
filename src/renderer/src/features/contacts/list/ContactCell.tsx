import type { MouseEventHandler, ReactNode } from 'react';
import { contactName, hidesIdentity, type Contact } from '@core/domain/contact';
import { formatInstant } from '../format-date';
import { ListFlags } from './ListFlags';
import { jurisdictionOf, type ColumnId, type OrganizationNameOf } from './contact-columns';
import type { RowText } from './row-text';
import bidi from '@renderer/ui/bidi.module.css';
import classes from './ContactTable.module.css';

const SHOWN_TAGS = 2;

/**
 * A cell of plain text, cut with an ellipsis: one bare element (the cell itself), as cells
 * are drawn by the hundred and each element costs style, layout and paint on every query.
 */
function Plain({ children }: { children: string | undefined }) {
  return (
    <div
      role="gridcell"
      dir="auto"
      title={children}
      className={`${classes.cell} ${classes.plain} ${bidi.pageStart}`}
    >
      {children}
    </div>
  );
}

/** A cell holding more than text. */
function Cell({ children }: { children: ReactNode }) {
  return (
    <div role="gridcell" className={classes.cell}>
      {children}
    </div>
  );
}

export interface ContactCellProps {
  column: ColumnId;
  contact: Contact;
  organizationOf: OrganizationNameOf;
  text: RowText;
  language: string;
  /** The router's address of the contact pages ("#/contacts" in the app). */
  contactsHref: string;
  /** Opens a contact's page from its name link, through the router. */
  onOpen: MouseEventHandler<HTMLAnchorElement>;
}

/** One cell of the contact list (the gridcell element included). */
export function ContactCell({
  column,
  contact,
  organizationOf,
  text,
  language,
  contactsHref,
  onOpen,
}: ContactCellProps) {
  switch (column) {
    case 'name':
      // A bare link, not the router's <Link> (a few hooks per row on every query and scroll).
      return (
        <Cell>
          <a
            href={`${contactsHref}/${contact.id}`}
            onClick={onOpen}
            dir="auto"
            className={`${classes.nameLink} ${bidi.pageStart}`}
            title={hidesIdentity(contact) ? text.codeName : undefined}
            data-code-name={hidesIdentity(contact) || undefined}
            data-testid="contact-link"
          >
            {contactName(contact)}
          </a>
        </Cell>
      );
    case 'kind':
      return <Plain>{text.kind[contact.kind]}</Plain>;
    case 'title':
      return <Plain>{contact.title}</Plain>;
    case 'organization':
      return <Plain>{organizationOf(contact)}</Plain>;
    case 'jurisdiction':
      return <Plain>{jurisdictionOf(contact)}</Plain>;
    case 'chamber':
      return <Plain>{contact.chamber && text.chamber[contact.chamber]}</Plain>;
    case 'party':
      return <Plain>{contact.party}</Plain>;
    case 'email':
      return <Plain>{hidesIdentity(contact) ? undefined : contact.emails[0]?.value}</Plain>;
    case 'phone':
      return <Plain>{hidesIdentity(contact) ? undefined : contact.phones[0]?.value}</Plain>;
    case 'tags':
      return (
        <Cell>
          <span className={classes.chips}>
            {contact.tags.slice(0, SHOWN_TAGS).map((tag) => (
              <span key={tag} dir="auto" title={tag} className={classes.tag}>
                {tag}
              </span>
            ))}
            {contact.tags.length > SHOWN_TAGS && (
              <p className={classes.more} title={contact.tags.join(', ')}>
                {text.moreTags(contact.tags.length - SHOWN_TAGS)}
              </p>
            )}
          </span>
        </Cell>
      );
    case 'flags':
      return (
        <Cell>
          <ListFlags contact={contact} text={text} />
        </Cell>
      );
    case 'updated':
      return <Plain>{formatInstant(contact.updatedAt, language)}</Plain>;
  }
}
