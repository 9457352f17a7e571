import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@renderer/app/session/session-context';
import { SettingsSection } from '@renderer/ui/SettingsSection';
import { Notice } from '../../../ui/Notice';

/** Deletes everything after the user types the word shown (ERASE, امسح). */
export function EraseAllSection() {
  const { t } = useTranslation();
  const { eraseAll } = useSession();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const word = t('security.eraseWord');
  const confirmed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();

  function close() {
    setOpen(false);
    setTyped('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirmed) eraseAll();
  }

  return (
    <SettingsSection
      title={t('security.eraseTitle')}
      description={t('security.eraseBody')}
      danger
      testId="erase-section"
    >
      <Button
        color="red"
        variant="light"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => setOpen(true)}
        data-testid="erase-open"
      >
        {t('security.eraseButton')}
      </Button>
      <Modal
        opened={open}
        onClose={close}
        title={<Text fw={700}>{t('security.eraseConfirmTitle')}</Text>}
        centered
        data-testid="erase-dialog"
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Notice tone="danger">{t('security.eraseConfirmBody')}</Notice>
            <TextInput
              label={t('security.eraseTypeLabel', { word })}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              data-testid="erase-confirm-word"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" disabled={!confirmed} data-testid="erase-submit">
                {t('security.eraseSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </SettingsSection>
  );
}
