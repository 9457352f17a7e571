import { Button, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { GenerateLettersDialog, type GenerateLettersProps } from './GenerateLettersDialog';

/** A button that opens the generate dialog, preset with a template, campaign or contact. */
export function GenerateLettersButton({
  label,
  variant,
  testId = 'generate-letters',
  ...preset
}: GenerateLettersProps & { label?: string; variant?: ButtonProps['variant']; testId?: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        leftSection={<IconMailForward size={16} />}
        variant={variant}
        onClick={open}
        data-testid={testId}
      >
        {label ?? t('writer.letters.generate')}
      </Button>
      <GenerateLettersDialog opened={opened} onClose={close} {...preset} />
    </>
  );
}
