import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '@core/domain/contact';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { formatCalendarDay, formatInstant } from '../format-date';
import { SectionCard } from '@renderer/ui/SectionCard';
import { STANCE_COLORS } from '../stance-colors';
import { formattingLocale } from '@shared/i18n/languages';

/** The campaigns this contact is a target of, with their stance. */
export function ContactCampaigns({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const targets = useStoreQuery(['targets', 'campaigns'], (core) =>
    core.targets
      .all()
      .filter((target) => target.contactId === contact.id)
      .map((target) => ({ target, campaign: core.campaigns.get(target.campaignId) })),
  );
  return (
    <SectionCard title={t('contactBook.detail.campaigns')} testId="contact-campaigns">
      {targets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contactBook.detail.noCampaigns')}
        </Text>
      ) : (
        <Stack gap="xs">
          {targets.map(({ target, campaign }) => (
            <Group key={target.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/campaigns/${target.campaignId}`} size="sm" dir="auto">
                {campaign?.name ?? target.campaignId}
              </Anchor>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t('contactBook.detail.priority', {
                    priority: new Intl.NumberFormat(formattingLocale(i18n.language)).format(
                      target.priority,
                    ),
                  })}
                </Text>
                <Badge color={STANCE_COLORS[target.stance]} variant="light" data-testid="stance">
                  {t(`planner.stances.${target.stance}`)}
                </Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

/** The outreach log for this contact, newest first. */
export function ContactInteractions({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const interactions = useStoreQuery(['interactions', 'campaigns'], (core) =>
    core.interactions
      .all()
      .filter((interaction) => interaction.contactId === contact.id)
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
      .map((interaction) => ({
        interaction,
        campaign: interaction.campaignId ? core.campaigns.get(interaction.campaignId) : undefined,
      })),
  );
  return (
    <SectionCard title={t('contactBook.detail.interactions')} testId="contact-interactions">
      {interactions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contactBook.detail.noInteractions')}
        </Text>
      ) : (
        <Stack gap="sm">
          {interactions.map(({ interaction, campaign }) => (
            <div key={interaction.id} data-testid="contact-interaction">
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" color="gray">
                  {t(`planner.interactionKinds.${interaction.kind}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t(`contactBook.directions.${interaction.direction}`)} ·{' '}
                  {formatInstant(interaction.occurredAt, i18n.language, true)}
                </Text>
                {campaign && (
                  <Text size="xs" c="dimmed" dir="auto">
                    {campaign.name}
                  </Text>
                )}
              </Group>
              {interaction.outcome && (
                <Text size="sm" dir="auto" mt={4}>
                  {interaction.outcome}
                </Text>
              )}
              {interaction.notes && (
                <Text size="sm" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {interaction.notes}
                </Text>
              )}
              {interaction.followUpDate && !interaction.followUpDone && (
                <Text size="xs" c="orange" mt={2}>
                  {t('contactBook.detail.followUp', {
                    date: formatCalendarDay(interaction.followUpDate, i18n.language),
                  })}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

/** Letters generated for this contact. */
export function ContactLetters({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const letters = useStoreQuery(['letters'], (core) =>
    core.letters
      .all()
      .filter((letter) => letter.contactId === contact.id)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );
  return (
    <SectionCard title={t('contactBook.detail.letters')} testId="contact-letters">
      {letters.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contactBook.detail.noLetters')}
        </Text>
      ) : (
        <Stack gap="xs">
          {letters.map((letter) => (
            <Group key={letter.id} justify="space-between" wrap="nowrap">
              <Text size="sm" dir="auto" truncate>
                {letter.subject ??
                  letter.fileName ??
                  formatInstant(letter.createdAt, i18n.language)}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {formatInstant(letter.createdAt, i18n.language)}
                </Text>
                <Badge variant="light">{t(`contactBook.letterStatuses.${letter.status}`)}</Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
