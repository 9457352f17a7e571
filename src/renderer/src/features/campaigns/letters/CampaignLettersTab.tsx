import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GenerateLettersButton } from '@renderer/features/letters/generate/GenerateLettersButton';
import { LettersTable } from '@renderer/features/letters/list/LettersTable';

/** The letters generated for this campaign, their status, and generating more. */
export function CampaignLettersTab({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('writer.letters.intro')}
        </Text>
        <GenerateLettersButton
          campaignId={campaignId}
          label={t('writer.letters.generateForCampaign')}
          testId="campaign-generate-letters"
        />
      </Group>
      <LettersTable campaignId={campaignId} emptyText={t('writer.letters.campaignEmpty')} />
    </Stack>
  );
}
