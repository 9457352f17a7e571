import { Alert, Button, Group, Text } from '@mantine/core';
import { IconEye, IconEyeOff, IconMask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface HiddenIdentityProps {
  revealed: boolean;
  onReveal(): void;
  onHide(): void;
}

/** A code-named contact's page: the identity stays hidden until the user asks for it. */
export function HiddenIdentity({ revealed, onReveal, onHide }: HiddenIdentityProps) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" icon={<IconMask aria-hidden />} data-testid="contact-identity">
      <Group justify="space-between" gap="sm">
        {!revealed && <Text size="sm">{t('contactBook.detail.identityHidden')}</Text>}
        <Button
          size="xs"
          variant="light"
          leftSection={
            revealed ? <IconEyeOff size={14} aria-hidden /> : <IconEye size={14} aria-hidden />
          }
          onClick={revealed ? onHide : onReveal}
          data-testid={revealed ? 'contact-hide-identity' : 'contact-reveal-identity'}
        >
          {revealed ? t('contactBook.detail.hideIdentity') : t('contactBook.detail.revealIdentity')}
        </Button>
      </Group>
    </Alert>
  );
}
