import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import { SUMMARY_TABLES, type WorkspaceSummary } from './use-workspace-summary';

type SummaryTable = (typeof SUMMARY_TABLES)[number];

/** One count; re-rendered only when it changes (a coalition's receive changes one or two). */
const SummaryCard = memo(function SummaryCard({
  table,
  count,
  label,
  formatted,
}: {
  table: SummaryTable;
  count: number;
  label: string;
  /** The count as shown (the language's and region's digits). */
  formatted: string;
}) {
  return (
    <Card withBorder radius="lg" p="lg" data-testid={`count-${table}`}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} data-count={count}>
        {formatted}
      </Text>
    </Card>
  );
});

export function WorkspaceSummaryCards({ summary }: { summary: WorkspaceSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Title order={2} size="h4" mb="sm">
        {t('pages.dashboard.summaryTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" mb="xl">
        {SUMMARY_TABLES.map((table) => (
          <SummaryCard
            key={table}
            table={table}
            count={summary[table]}
            label={t(`pages.dashboard.counts.${table}`)}
            formatted={formatNumber(summary[table], i18n.language)}
          />
        ))}
      </SimpleGrid>
    </>
  );
}
