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
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactName } from '@core/domain/contact';
import type { Interaction, InteractionKind } from '@core/domain/interaction';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useFormatters } from '@renderer/lib/use-formatters';

const KIND_ICONS: Record<InteractionKind, typeof IconMail> = {
  letter: IconWriting,
  email: IconMail,
  call: IconPhone,
  meeting: IconUsers,
  event: IconCalendarEvent,
  social: IconShare,
  other: IconMessageCircle,
};

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
          {interactions.map((interaction) => {
            const Icon = KIND_ICONS[interaction.kind];
            const contact = core.contacts.get(interaction.contactId);
            const campaign = interaction.campaignId
              ? core.campaigns.get(interaction.campaignId)
              : undefined;
            return (
              <Group
                key={interaction.id}
                gap="sm"
                wrap="nowrap"
                align="flex-start"
                data-testid="dashboard-recent-item"
              >
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
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
