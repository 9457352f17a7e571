import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WriteLetterDialog } from './preview/WriteLetterDialog';

/** "Write a letter" to one contact (as a target of the campaign when it is one). */
export function WriteLetterButton({
  contactId,
  campaignId,
}: {
  contactId: string;
  campaignId?: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconMailForward size={16} aria-hidden />}
        onClick={open}
        data-testid="write-letter"
      >
        {t('writer.write.button')}
      </Button>
      <WriteLetterDialog
        opened={opened}
        onClose={close}
        contactId={contactId}
        campaignId={campaignId}
      />
    </>
  );
}
