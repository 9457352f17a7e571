import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactName, type Contact } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { Notice } from '@renderer/ui/Notice';
import { reasonOf } from '@renderer/lib/reason-of';

/** Asks, then deletes the contact with their targets, interactions and letters (one commit). */
export function DeleteContactDialog({
  contact,
  opened,
  onClose,
  onDeleted,
}: {
  contact: Contact;
  opened: boolean;
  onClose(): void;
  onDeleted(): void;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await core.contacts.removeWithDependents(contact.id);
      onDeleted();
    } catch (caught) {
      setError(t('contactBook.detail.deleteFailed', { reason: reasonOf(caught) }));
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('contactBook.detail.deleteTitle')}>
      <Text mb="md" dir="auto">
        {t('contactBook.detail.deleteBody', { name: contactName(contact) })}
      </Text>
      {error && (
        <Notice tone="danger" mb="md">
          {error}
        </Notice>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('contactBook.form.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={remove} data-testid="contact-delete-confirm">
          {t('contactBook.detail.deleteConfirm')}
        </Button>
      </Group>
    </Modal>
  );
}
