/**
 * A coalition card's campaigns: how many this workspace shares and how many it received from
 * the coalition (badges in the card's status), and their names.
 */
import { Badge, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coalition } from '@core/domain/coalition';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { useFormatters } from '@renderer/lib/use-formatters';
import { formattingLocale } from '@shared/i18n/languages';
import { coalitionCampaigns } from './coalition-campaigns';

function useCoalitionCampaigns(coalition: Coalition) {
  const { i18n } = useTranslation();
  const compare = useMemo(
    () => new Intl.Collator(formattingLocale(i18n.language), { numeric: true }).compare,
    [i18n.language],
  );
  return useStoreQuery(['campaigns', 'coalitions'], (core) =>
    coalitionCampaigns(coalition, (id) => core.campaigns.get(id), compare),
  );
}

/** The two counts, as badges beside the sync status. */
export function CoalitionCampaignBadges({ coalition }: { coalition: Coalition }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { shared, received } = useCoalitionCampaigns(coalition);
  return (
    <>
      <Badge variant="light" color="gray" data-testid="coalition-shared-count">
        {t('coalitions.status.sharedCampaigns')}: {format.number(shared.length)}
      </Badge>
      <Badge
        variant="light"
        color={received.length ? 'grape' : 'gray'}
        data-testid="coalition-received-count"
      >
        {t('coalitions.status.receivedCampaigns')}: {format.number(received.length)}
      </Badge>
    </>
  );
}

/** The campaigns by name: those shared, those received. */
export function CoalitionCampaignNames({ coalition }: { coalition: Coalition }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const { shared, received } = useCoalitionCampaigns(coalition);
  const list = useMemo(
    () => new Intl.ListFormat(formattingLocale(i18n.language), { type: 'conjunction' }),
    [i18n.language],
  );
  if (!shared.length && !received.length) return null;
  const line = (
    key: 'coalitions.status.sharedList' | 'coalitions.status.receivedList',
    campaigns: { name: string }[],
    testId: string,
  ) =>
    campaigns.length > 0 && (
      <Text size="sm" dir="auto" data-testid={testId}>
        {t(key, {
          count: campaigns.length,
          n: format.number(campaigns.length),
          names: list.format(campaigns.map((c) => c.name)),
        })}
      </Text>
    );
  return (
    <Stack gap={2}>
      {line('coalitions.status.sharedList', shared, 'coalition-shared-campaigns')}
      {line('coalitions.status.receivedList', received, 'coalition-received-campaigns')}
    </Stack>
  );
}
