import {
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Modal,
  Paper,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ContactBookTabs } from '@renderer/features/contacts/ContactBookTabs';
import { formatNumber } from '@renderer/lib/format-number';
import { PageHeader } from '@renderer/ui/PageHeader';
import { OrganizationForm } from './OrganizationForm';
import { useOrganizationRows, useOrganizationSearch } from './use-organization-list';
import bidi from '@renderer/ui/bidi.module.css';

/** `#/organizations`: every organization, its kind and how many contacts belong to it. */
export function OrganizationsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const rows = useOrganizationRows();
  const shown = useOrganizationSearch(rows, useDeferredValue(query));

  return (
    <Container size="xl" px={0}>
      <PageHeader title={t('contactBook.organizations.title')} />
      <ContactBookTabs active="organizations" />
      <Group justify="space-between" mb="sm" gap="sm">
        <TextInput
          aria-label={t('contactBook.organizations.searchLabel')}
          placeholder={t('contactBook.organizations.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          dir="auto"
          style={{ flex: '1 1 260px', maxWidth: 420 }}
          data-testid="organization-search"
        />
        <Group gap="sm">
          <Text size="sm" c="dimmed" data-testid="organization-count">
            {t('contactBook.organizations.showing', {
              n: formatNumber(shown.length, i18n.language),
            })}
          </Text>
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="organization-new"
          >
            {t('contactBook.organizations.newOrganization')}
          </Button>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('contactBook.organizations.empty')}</Text>
      ) : shown.length === 0 ? (
        <Text c="dimmed" dir="auto">
          {t('contactBook.organizations.noResults', { query })}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Table highlightOnHover verticalSpacing="xs" data-testid="organization-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contactBook.organizations.name')}</Table.Th>
                <Table.Th>{t('contactBook.organizations.kind')}</Table.Th>
                <Table.Th>{t('contactBook.organizations.country')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }}>
                  {t('contactBook.organizations.contacts')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ organization, contacts }) => (
                <Table.Tr key={organization.id} data-testid="organization-row">
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/organizations/${organization.id}`}
                      fw={600}
                      size="sm"
                      dir="auto"
                    >
                      {organization.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`contactBook.organizations.kinds.${organization.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="auto" className={bidi.pageStart}>
                      {organization.country}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'end' }} data-testid="organization-contacts">
                    {formatNumber(contacts, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('contactBook.organizations.newTitle')}
        size="lg"
      >
        <OrganizationForm
          onSaved={(id) => navigate(`/organizations/${id}`)}
          onCancel={() => setCreating(false)}
        />
      </Modal>
    </Container>
  );
}
