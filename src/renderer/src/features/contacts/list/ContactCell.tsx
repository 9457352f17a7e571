import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactName, type Contact } from '@core/domain/contact';
import { ContactFlags } from '../ContactFlags';
import { formatInstant } from '../format-date';
import { jurisdictionOf, type ColumnId, type OrganizationNameOf } from './contact-columns';
import bidi from '../bidi.module.css';

const SHOWN_TAGS = 2;

function Plain({ children }: { children: string | undefined }) {
  return (
    <Text size="sm" truncate dir="auto" title={children} className={bidi.pageStart}>
      {children}
    </Text>
  );
}

/** One cell of the contact list. */
export function ContactCell({
  column,
  contact,
  organizationOf,
}: {
  column: ColumnId;
  contact: Contact;
  organizationOf: OrganizationNameOf;
}) {
  const { t, i18n } = useTranslation();
  switch (column) {
    case 'name':
      return (
        <Anchor
          component={Link}
          to={`/contacts/${contact.id}`}
          size="sm"
          fw={600}
          truncate
          dir="auto"
          data-testid="contact-link"
        >
          {contactName(contact)}
        </Anchor>
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
        <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
          {contact.tags.slice(0, SHOWN_TAGS).map((tag) => (
            <Badge key={tag} variant="outline" color="gray" size="sm" tt="none" maw={120}>
              <span dir="auto">{tag}</span>
            </Badge>
          ))}
          {contact.tags.length > SHOWN_TAGS && (
            <Text size="xs" c="dimmed" title={contact.tags.join(', ')}>
              {t('contactBook.list.moreTags', { n: contact.tags.length - SHOWN_TAGS })}
            </Text>
          )}
        </Group>
      );
    case 'flags':
      return <ContactFlags contact={contact} />;
    case 'updated':
      return <Plain>{formatInstant(contact.updatedAt, i18n.language)}</Plain>;
  }
}
