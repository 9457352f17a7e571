import {
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { contactName, type Contact } from '@core/domain/contact';
import type { Organization } from '@core/domain/organization';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { DeleteButton, DetailHeader, EditButton, TagBadges } from '@renderer/ui/DetailHeader';
import { ContactFlags } from '@renderer/features/contacts/ContactFlags';
import { CopyValue } from '@renderer/ui/CopyValue';
import { FactList } from '@renderer/ui/FactList';
import { useAction } from '@renderer/lib/use-action';
import { SectionCard } from '@renderer/ui/SectionCard';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { OrganizationForm } from './OrganizationForm';
import bidi from '@renderer/ui/bidi.module.css';
import { DetailNotFound } from '@renderer/ui/DetailNotFound';

/** `#/organizations/:organizationId`: the organization, its people, edit and delete. */
export function OrganizationDetailPage() {
  const { organizationId = '' } = useParams();
  const { t } = useTranslation();
  const organization = useStoreQuery(['organizations'], (core) =>
    core.organizations.get(organizationId),
  );
  if (!organization) {
    return (
      <DetailNotFound
        backTo="/organizations"
        backLabel={t('contactBook.organizations.back')}
        message={t('contactBook.organizations.notFound')}
        testId="organization-not-found"
      />
    );
  }
  return <OrganizationDetail organization={organization} />;
}

function OrganizationDetail({ organization }: { organization: Organization }) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const deletion = useAction();
  const people = useStoreQuery(['contacts'], (c) =>
    c.contacts
      .all()
      .filter((contact) => contact.organizationId === organization.id)
      .sort((a, b) => contactName(a).localeCompare(contactName(b))),
  );
  const remove = async () => {
    const removed = await deletion.run(
      () => core.organizations.removeKeepingContacts(organization.id),
      {
        failed: (reason) => t('contactBook.organizations.deleteFailed', { reason }),
      },
    );
    if (removed.ok) void navigate('/organizations');
    else setDeleting(false);
  };

  return (
    <Container size="lg" px={0} data-testid="organization-detail">
      <DetailHeader
        back={{ to: '/organizations', label: t('contactBook.organizations.back') }}
        title={organization.name}
        under={
          <Group gap="xs">
            <Badge variant="light">
              {t(`contactBook.organizations.kinds.${organization.kind}`)}
            </Badge>
          </Group>
        }
        actions={
          <>
            <EditButton
              label={t('contactBook.organizations.edit')}
              onClick={() => setEditing(true)}
              testId="organization-edit"
            />
            <DeleteButton
              label={t('contactBook.organizations.delete')}
              onClick={() => setDeleting(true)}
              testId="organization-delete"
            />
          </>
        }
      />
      {deletion.outcome && (
        <Notice tone="danger" mb="md">
          {deletion.outcome.message}
        </Notice>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionCard title={t('contactBook.detail.details')}>
          {editing ? (
            <OrganizationForm
              organization={organization}
              onSaved={() => setEditing(false)}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <FactList
              facts={[
                {
                  label: t('contactBook.organizations.website'),
                  value: organization.website && <CopyValue value={organization.website} />,
                },
                { label: t('contactBook.organizations.country'), value: organization.country },
                {
                  label: t('contactBook.organizations.tags'),
                  value: organization.tags.length ? (
                    <TagBadges tags={organization.tags} gap={4} />
                  ) : undefined,
                },
                {
                  label: t('contactBook.organizations.notes'),
                  value: organization.notes && (
                    <span style={{ whiteSpace: 'pre-wrap' }}>{organization.notes}</span>
                  ),
                },
              ]}
            />
          )}
        </SectionCard>
        <SectionCard
          title={`${t('contactBook.organizations.peopleTitle')} (${formatNumber(people.length, i18n.language)})`}
          testId="organization-people"
        >
          {people.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contactBook.organizations.noPeople')}
            </Text>
          ) : (
            <Stack gap={6}>
              {people.map((contact: Contact) => (
                <Group key={contact.id} justify="space-between" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm" dir="auto">
                      {contactName(contact)}
                    </Anchor>
                    {contact.title && (
                      <Text size="xs" c="dimmed" dir="auto" truncate className={bidi.pageStart}>
                        {contact.title}
                      </Text>
                    )}
                  </div>
                  <ContactFlags contact={contact} />
                </Group>
              ))}
            </Stack>
          )}
        </SectionCard>
      </SimpleGrid>
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('contactBook.organizations.deleteTitle')}
      >
        <Text mb="md" dir="auto">
          {t('contactBook.organizations.deleteBody', {
            name: organization.name,
            n: formatNumber(people.length, i18n.language),
            count: people.length,
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(false)}>
            {t('contactBook.organizations.cancel')}
          </Button>
          <Button
            color="red"
            loading={deletion.busy}
            onClick={remove}
            data-testid="organization-delete-confirm"
          >
            {t('contactBook.organizations.deleteConfirm')}
          </Button>
        </Group>
      </Modal>
    </Container>
  );
}
