import { Box, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { contactName } from '@core/domain/contact';
import type { Interaction } from '@core/domain/interaction';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useFormatters } from '@renderer/lib/use-formatters';
import { Notice } from '@renderer/ui/Notice';

/** Long enough to read two lines twice; the close button dismisses it sooner. */
const SHOWN_MS = 12_000;

/**
 * The confirmation after logging an interaction: what, with whom, in which campaign, and the
 * follow-up date. The dialog is closed by then and may have been opened from any screen, so
 * it floats at the bottom of the window, on the reading end's side, and goes after a while.
 */
export function LoggedNotice({
  interaction,
  onClose,
}: {
  interaction: Interaction;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const format = useFormatters();
  useEffect(() => {
    const timer = setTimeout(onClose, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [interaction, onClose]);
  const contact = core.contacts.get(interaction.contactId);
  const name = contact ? contactName(contact) : t('planner.due.unknownContact');
  const kind = t(`planner.interactionKinds.${interaction.kind}`);
  const campaign = interaction.campaignId
    ? core.campaigns.get(interaction.campaignId)?.name
    : undefined;
  return (
    <Box
      pos="fixed"
      bottom="var(--mantine-spacing-lg)"
      style={{ insetInlineEnd: 'var(--mantine-spacing-lg)', zIndex: 300 }}
      maw={420}
      w="calc(100% - 2 * var(--mantine-spacing-lg))"
    >
      <Notice
        tone="success"
        role="status"
        aria-live="polite"
        withCloseButton
        closeButtonLabel={t('planner.outreach.closeNotice')}
        onClose={onClose}
        title={t(
          interaction.direction === 'incoming'
            ? 'planner.outreach.loggedIncoming'
            : 'planner.outreach.loggedOutgoing',
          { kind, name },
        )}
        data-testid="log-saved"
        data-follow-up={interaction.followUpDate}
        style={{ boxShadow: 'var(--mantine-shadow-md)' }}
      >
        {campaign ? (
          <Text size="sm" dir="auto">
            {t('planner.outreach.loggedCampaign', { campaign })}
          </Text>
        ) : null}
        <Text size="sm" data-testid="log-saved-follow-up">
          {interaction.followUpDate
            ? t('planner.outreach.loggedFollowUp', { date: format.day(interaction.followUpDate) })
            : t('planner.outreach.loggedNoFollowUp')}
        </Text>
      </Notice>
    </Box>
  );
}
