import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OutcomeNotice, type Outcome } from '@renderer/ui/OutcomeNotice';

/** After letters were generated: what happened, save the file again, or close. */
export function GenerationDone({
  outcome,
  onSaveAgain,
  onClose,
}: {
  outcome: Outcome | null;
  onSaveAgain: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="generate-done">
      <OutcomeNotice outcome={outcome} testId="generate-outcome" />
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={() => void onSaveAgain()}
          data-testid="generate-save-again"
        >
          {t('writer.generate.saveAgain')}
        </Button>
        <Button onClick={onClose} data-testid="generate-close">
          {t('writer.generate.close')}
        </Button>
      </Group>
    </Stack>
  );
}
