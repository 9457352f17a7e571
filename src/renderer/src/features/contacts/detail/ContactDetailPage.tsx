import { Anchor, Badge, Button, Container, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { contactName, hidesIdentity, type Contact } from '@core/domain/contact';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { WriteLetterButton } from '@renderer/features/letters/WriteLetterButton';
import { LogInteractionDialog } from '@renderer/features/outreach/LogInteractionDialog';
import { Notice } from '@renderer/ui/Notice';
import { ContactFlags } from '../ContactFlags';
import { formatInstant } from '../format-date';
import { SectionCard } from '@renderer/ui/SectionCard';
import { DeleteButton, DetailHeader, EditButton, TagBadges } from '@renderer/ui/DetailHeader';
import { ContactCampaigns, ContactInteractions, ContactLetters } from './ContactActivity';
import { ContactReach } from './ContactReach';
import { HiddenIdentity } from './HiddenIdentity';
import { DeleteContactDialog } from './DeleteContactDialog';
import { FactList } from '@renderer/ui/FactList';
import bidi from '@renderer/ui/bidi.module.css';
import { DetailNotFound } from '@renderer/ui/DetailNotFound';

/** `#/contacts/:contactId`: everything about one contact, and what can be done with them. */
export function ContactDetailPage() {
  const { contactId = '' } = useParams();
  const { t } = useTranslation();
  const contact = useStoreQuery(['contacts'], (core) => core.contacts.get(contactId));
  if (!contact) {
    return (
      <DetailNotFound
        backTo="/contacts"
        backLabel={t('contactBook.detail.back')}
        message={t('contactBook.detail.notFound')}
        testId="contact-not-found"
      />
    );
  }
  return <ContactDetail contact={contact} />;
}

function ContactDetail({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [logging, setLogging] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const organization = useStoreQuery(['organizations'], (core) =>
    contact.organizationId ? core.organizations.get(contact.organizationId) : undefined,
  );
  // Per visit: leaving the page hides the identity again.
  const [revealed, setRevealed] = useState(false);
  const hidden = hidesIdentity(contact) && !revealed;
  const name = contactName(contact);
  const flagged = contact.doNotContact || contact.sensitive;

  return (
    <Container size="lg" px={0} data-testid="contact-detail">
      <DetailHeader
        back={{ to: '/contacts', label: t('contactBook.detail.back') }}
        title={hidesIdentity(contact) ? name : [contact.honorific, name].filter(Boolean).join(' ')}
        under={
          <Group gap="xs">
            {hidesIdentity(contact) && (
              <Badge variant="outline" color="gray" data-testid="contact-code-name-badge">
                {t('contactBook.detail.codeNameBadge')}
              </Badge>
            )}
            <Badge variant="light">{t(`contactBook.kinds.${contact.kind}`)}</Badge>
            {contact.title && (
              <Text c="dimmed" size="sm" dir="auto" className={bidi.pageStart}>
                {contact.title}
              </Text>
            )}
          </Group>
        }
        actions={
          <>
            <Button
              leftSection={<IconMessagePlus size={16} aria-hidden />}
              onClick={() => setLogging(true)}
              data-testid="contact-log-interaction"
            >
              {t('contactBook.detail.logInteraction')}
            </Button>
            <WriteLetterButton contactId={contact.id} />
            <EditButton
              label={t('contactBook.detail.edit')}
              onClick={() => navigate(`/contacts/${contact.id}/edit`)}
              testId="contact-edit"
            />
            <DeleteButton
              label={t('contactBook.detail.delete')}
              onClick={() => setDeleting(true)}
              testId="contact-delete"
            />
          </>
        }
      />

      {flagged && (
        <Notice
          tone={contact.doNotContact ? 'danger' : 'warning'}
          mb="md"
          data-testid="contact-flag-notice"
          title={<ContactFlags contact={contact} size="lg" />}
        >
          <Stack gap={4}>
            {contact.doNotContact && (
              <Text size="sm">{t('contactBook.flags.doNotContactHint')}</Text>
            )}
            {contact.sensitive && <Text size="sm">{t('contactBook.flags.sensitiveHint')}</Text>}
          </Stack>
        </Notice>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          {hidesIdentity(contact) && (
            <HiddenIdentity
              revealed={revealed}
              onReveal={() => setRevealed(true)}
              onHide={() => setRevealed(false)}
            />
          )}
          <SectionCard title={t('contactBook.detail.details')} testId="contact-facts">
            <FactList
              facts={[
                ...(hidden
                  ? []
                  : [
                      { label: t('contactBook.fields.givenName'), value: contact.givenName },
                      { label: t('contactBook.fields.familyName'), value: contact.familyName },
                      { label: t('contactBook.fields.displayName'), value: contact.displayName },
                    ]),
                { label: t('contactBook.fields.codeName'), value: contact.codeName },
                {
                  label: t('contactBook.fields.formOfAddress'),
                  value: t(`contactBook.formsOfAddress.${contact.formOfAddress}`),
                },
                {
                  label: t('contactBook.fields.organization'),
                  value: organization ? (
                    <Anchor component={Link} to={`/organizations/${organization.id}`} size="sm">
                      {organization.name}
                    </Anchor>
                  ) : (
                    contact.organizationName
                  ),
                },
                { label: t('contactBook.fields.country'), value: contact.country },
                { label: t('contactBook.fields.region'), value: contact.region },
                { label: t('contactBook.fields.district'), value: contact.district },
                {
                  label: t('contactBook.fields.chamber'),
                  value: contact.chamber && t(`contactBook.chambers.${contact.chamber}`),
                },
                { label: t('contactBook.fields.party'), value: contact.party },
                {
                  label: t('contactBook.fields.preferredLanguage'),
                  value: contact.preferredLanguage,
                },
                {
                  label: t('contactBook.fields.externalId'),
                  value: hidden ? undefined : contact.externalId,
                },
              ]}
            />
            <Text size="xs" c="dimmed" mt="sm">
              {t('contactBook.detail.created', {
                date: formatInstant(contact.createdAt, i18n.language),
              })}{' '}
              ·{' '}
              {t('contactBook.detail.updated', {
                date: formatInstant(contact.updatedAt, i18n.language),
              })}
            </Text>
          </SectionCard>
          {!hidden && <ContactReach contact={contact} />}
          <SectionCard title={t('contactBook.detail.tags')} testId="contact-tags">
            {contact.tags.length ? (
              <TagBadges tags={contact.tags} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('contactBook.detail.noTags')}
              </Text>
            )}
          </SectionCard>
          {contact.notes && !hidden && (
            <SectionCard title={t('contactBook.detail.notes')} testId="contact-notes">
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {contact.notes}
              </Text>
            </SectionCard>
          )}
        </Stack>
        <Stack gap="md">
          <ContactCampaigns contact={contact} />
          <ContactInteractions contact={contact} />
          <ContactLetters contact={contact} />
        </Stack>
      </SimpleGrid>

      <LogInteractionDialog
        opened={logging}
        onClose={() => setLogging(false)}
        contactId={contact.id}
      />
      <DeleteContactDialog
        contact={contact}
        opened={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={() => navigate('/contacts')}
      />
    </Container>
  );
}
