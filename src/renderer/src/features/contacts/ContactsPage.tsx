import { Container, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import { PageHeader } from '@renderer/ui/PageHeader';
import { ContactRow } from './ContactRow';
import { useContactList, useOrganizationNames } from './use-contact-list';
import { useContactSearch } from './use-contact-search';

/** Until the virtualized contact book lands, the list shows this many rows. */
const SHOWN = 200;

export function ContactsPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const all = useContactList();
  const hits = useContactSearch(deferredQuery, SHOWN);
  const organizations = useOrganizationNames();
  const searching = deferredQuery.trim() !== '';
  const contacts = searching ? hits.map((hit) => hit.contact) : all.slice(0, SHOWN);
  const count = (value: number) => formatNumber(value, i18n.language);

  return (
    <Container size="lg" px={0}>
      <PageHeader title={t('pages.contacts.title')} />
      <TextInput
        label={t('pages.contacts.searchLabel')}
        placeholder={t('pages.contacts.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        dir="auto"
        mb="md"
        data-testid="contact-search"
      />
      {all.length === 0 ? (
        <Text c="dimmed">{t('pages.contacts.empty')}</Text>
      ) : searching && contacts.length === 0 ? (
        <Text c="dimmed" data-testid="contact-no-results">
          {t('pages.contacts.noResults', { query: deferredQuery })}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="contact-count">
            {t('pages.contacts.showing', {
              shown: count(contacts.length),
              total: count(all.length),
            })}
          </Text>
          <Stack gap="xs">
            {contacts.map((contact) => (
              <ContactRow
                key={contact.id}
                contact={contact}
                organization={organizations.get(contact.organizationId ?? '')}
              />
            ))}
          </Stack>
        </>
      )}
    </Container>
  );
}
