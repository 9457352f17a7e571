import { Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@renderer/ui/PageHeader';
import { GenerateLettersButton } from './generate/GenerateLettersButton';
import { CheckLetterFileButton } from './list/CheckLetterFileButton';
import { LettersTable } from './list/LettersTable';

export function LettersPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageHeader title={t('writer.letters.title')} description={t('writer.letters.intro')} />
      <Group gap="xs" align="start">
        <GenerateLettersButton />
        <CheckLetterFileButton />
      </Group>
      <LettersTable emptyText={t('writer.letters.empty')} />
    </Stack>
  );
}
