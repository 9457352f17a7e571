import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import { SUMMARY_TABLES, type WorkspaceSummary } from './use-workspace-summary';

export function WorkspaceSummaryCards({ summary }: { summary: WorkspaceSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Title order={2} size="h4" mb="sm">
        {t('pages.dashboard.summaryTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" mb="xl">
        {SUMMARY_TABLES.map((table) => (
          <Card key={table} withBorder radius="lg" p="lg" data-testid={`count-${table}`}>
            <Text size="sm" c="dimmed">
              {t(`pages.dashboard.counts.${table}`)}
            </Text>
            <Text fz={32} fw={700} data-count={summary[table]}>
              {formatNumber(summary[table], i18n.language)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
