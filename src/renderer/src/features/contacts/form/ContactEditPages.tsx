import { Container } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { contactName } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { Notice } from '@renderer/ui/Notice';
import { PageHeader } from '@renderer/ui/PageHeader';
import { BackLink } from '@renderer/ui/BackLink';
import { ContactForm } from './ContactForm';

/** `#/contacts/new` */
export function ContactNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Container size="md" px={0}>
      <BackLink to="/contacts" label={t('contactBook.detail.back')} />
      <PageHeader title={t('contactBook.form.newTitle')} />
      <ContactForm
        onSaved={(id) => navigate(`/contacts/${id}`, { replace: true })}
        onCancel={() => navigate('/contacts')}
      />
    </Container>
  );
}

/** `#/contacts/:contactId/edit` */
export function ContactEditPage() {
  const { contactId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const core = useDataCore();
  // Read once: a write elsewhere must not reset what is being typed.
  const contact = useMemo(() => core.contacts.get(contactId), [core, contactId]);
  const back = `/contacts/${contactId}`;
  return (
    <Container size="md" px={0}>
      <BackLink
        to={contact ? back : '/contacts'}
        label={contact ? contactName(contact) : t('contactBook.detail.back')}
      />
      {contact ? (
        <>
          <PageHeader title={t('contactBook.form.editTitle', { name: contactName(contact) })} />
          <ContactForm
            contact={contact}
            onSaved={() => navigate(back, { replace: true })}
            onCancel={() => navigate(back)}
          />
        </>
      ) : (
        <Notice tone="warning" data-testid="contact-not-found">
          {t('contactBook.detail.notFound')}
        </Notice>
      )}
    </Container>
  );
}
