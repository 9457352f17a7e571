import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { contactName, type Contact } from '@core/domain/contact';
import { formatInstant } from '../format-date';
import { ListFlags } from './ListFlags';
import { jurisdictionOf, type ColumnId, type OrganizationNameOf } from './contact-columns';
import bidi from '../bidi.module.css';
import classes from './ContactTable.module.css';

const SHOWN_TAGS = 2;

/** Plain text, cut with an ellipsis: a bare element, as cells are drawn by the hundred. */
function Plain({ children }: { children: string | undefined }) {
  return (
    <span dir="auto" title={children} className={`${classes.plain} ${bidi.pageStart}`}>
      {children}
    </span>
  );
}

/** One cell of the contact list. */
export function ContactCell({
  column,
  contact,
  organizationOf,
  t,
  language,
}: {
  column: ColumnId;
  contact: Contact;
  organizationOf: OrganizationNameOf;
  t: TFunction;
  language: string;
}) {
  switch (column) {
    case 'name':
      return (
        <Link
          to={`/contacts/${contact.id}`}
          dir="auto"
          className={`${classes.nameLink} ${bidi.pageStart}`}
          data-testid="contact-link"
        >
          {contactName(contact)}
        </Link>
      );
    case 'kind':
      return <Plain>{t(`contactBook.kinds.${contact.kind}`)}</Plain>;
    case 'title':
      return <Plain>{contact.title}</Plain>;
    case 'organization':
      return <Plain>{organizationOf(contact)}</Plain>;
    case 'jurisdiction':
      return <Plain>{jurisdictionOf(contact)}</Plain>;
    case 'chamber':
      return <Plain>{contact.chamber && t(`contactBook.chambers.${contact.chamber}`)}</Plain>;
    case 'party':
      return <Plain>{contact.party}</Plain>;
    case 'email':
      return <Plain>{contact.emails[0]?.value}</Plain>;
    case 'phone':
      return <Plain>{contact.phones[0]?.value}</Plain>;
    case 'tags':
      return (
        <span className={classes.chips}>
          {contact.tags.slice(0, SHOWN_TAGS).map((tag) => (
            <span key={tag} dir="auto" title={tag} className={classes.tag}>
              {tag}
            </span>
          ))}
          {contact.tags.length > SHOWN_TAGS && (
            <p className={classes.more} title={contact.tags.join(', ')}>
              {t('contactBook.list.moreTags', { n: contact.tags.length - SHOWN_TAGS })}
            </p>
          )}
        </span>
      );
    case 'flags':
      return <ListFlags contact={contact} t={t} />;
    case 'updated':
      return <Plain>{formatInstant(contact.updatedAt, language)}</Plain>;
  }
}
