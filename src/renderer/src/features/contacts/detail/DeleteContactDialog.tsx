import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactName, type Contact } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { Notice } from '@renderer/ui/Notice';
import { useAction } from '@renderer/lib/use-action';

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
  const { run, busy, outcome } = useAction();
  const remove = async () => {
    const removed = await run(() => core.contacts.removeWithDependents(contact.id), {
      failed: (reason) => t('contactBook.detail.deleteFailed', { reason }),
    });
    if (removed.ok) onDeleted();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('contactBook.detail.deleteTitle')}>
      <Text mb="md" dir="auto">
        {t('contactBook.detail.deleteBody', { name: contactName(contact) })}
      </Text>
      {outcome && (
        <Notice tone="danger" mb="md">
          {outcome.message}
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
