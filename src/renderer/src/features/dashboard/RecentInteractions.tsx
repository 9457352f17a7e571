import { Anchor, Badge, Group, Paper, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconCalendarEvent,
  IconMail,
  IconMessageCircle,
  IconPhone,
  IconShare,
  IconUsers,
  IconWriting,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactName } from '@core/domain/contact';
import type { Campaign } from '@core/domain/campaign';
import type { Contact } from '@core/domain/contact';
import type { Interaction, InteractionKind } from '@core/domain/interaction';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useFormatters, type Formatters } from '@renderer/lib/use-formatters';

const KIND_ICONS: Record<InteractionKind, typeof IconMail> = {
  letter: IconWriting,
  email: IconMail,
  call: IconPhone,
  meeting: IconUsers,
  event: IconCalendarEvent,
  social: IconShare,
  other: IconMessageCircle,
};

/**
 * One interaction; re-rendered only when it, its contact or its campaign changes (the store
 * keeps unchanged records as they were), not for each batch a coalition's receive brings.
 */
const RecentItem = memo(function RecentItem({
  interaction,
  contact,
  campaign,
  t,
  format,
}: {
  interaction: Interaction;
  contact: Contact | undefined;
  campaign: Campaign | undefined;
  t: TFunction;
  format: Formatters;
}) {
  const Icon = KIND_ICONS[interaction.kind];
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="dashboard-recent-item">
      <ThemeIcon variant="light" radius="xl" size={32} color="grape">
        <Icon size={18} stroke={1.6} aria-hidden />
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {t(`planner.interactionKinds.${interaction.kind}`)}
          </Text>
          {contact ? (
            <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm" dir="auto">
              {contactName(contact)}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t('planner.due.unknownContact')}
            </Text>
          )}
          {interaction.direction === 'incoming' ? (
            <Badge size="xs" variant="light" color="teal">
              {t('planner.dashboard.incoming')}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {format.instant(interaction.occurredAt)}
        </Text>
        {campaign ? (
          <Text size="xs" c="dimmed" lineClamp={1} dir="auto">
            {campaign.name}
          </Text>
        ) : null}
        {interaction.outcome ? (
          <Text size="xs" lineClamp={1} dir="auto">
            {interaction.outcome}
          </Text>
        ) : null}
      </div>
    </Group>
  );
});

/** The latest interactions logged, across campaigns. */
export function RecentInteractions({ interactions }: { interactions: readonly Interaction[] }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const format = useFormatters();
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="dashboard-recent">
      <Title order={2} size="h4" mb="md">
        {t('planner.dashboard.recentTitle')}
      </Title>
      {interactions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planner.dashboard.recentEmpty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="sm">
          {interactions.map((interaction) => (
            <RecentItem
              key={interaction.id}
              interaction={interaction}
              contact={core.contacts.get(interaction.contactId)}
              campaign={
                interaction.campaignId ? core.campaigns.get(interaction.campaignId) : undefined
              }
              t={t}
              format={format}
            />
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
