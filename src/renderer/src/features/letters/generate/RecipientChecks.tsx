import { List, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactName } from '@core/domain/contact';
import type { LetterRecipient, RecipientCheck } from '@core/letters';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { recipientProblemText } from '../recipient-problems';

export type Resolution = 'skip' | 'fallback';

/** Per recipient, the data the template needs and lacks; the user skips them or uses fallbacks. */
export function RecipientChecks({
  checks,
  recipients,
  resolution,
  onResolution,
}: {
  checks: readonly RecipientCheck[];
  recipients: readonly LetterRecipient[];
  resolution: Resolution;
  onResolution: (value: Resolution) => void;
}) {
  const { t, i18n } = useTranslation();
  if (checks.length === 0)
    return (
      <Text size="sm" c="teal" data-testid="generate-no-problems">
        {t('writer.generate.noProblems')}
      </Text>
    );
  const byId = new Map(recipients.map((r) => [r.id, r]));
  return (
    <Notice
      tone="warning"
      title={t('writer.generate.problemsTitle', {
        count: checks.length,
        n: formatNumber(checks.length, i18n.language),
      })}
      data-testid="generate-problems"
    >
      <Stack gap="xs">
        <List size="sm" spacing={2} style={{ maxHeight: 160, overflowY: 'auto' }}>
          {checks.map((check) => {
            const recipient = byId.get(check.recipientId);
            return (
              <List.Item key={check.recipientId} data-testid="generate-problem">
                <Text span fw={600} size="sm" dir="auto">
                  {recipient ? contactName(recipient.contact) : check.contactId}
                </Text>
                {': '}
                {check.problems.map((p) => recipientProblemText(t, p)).join(' · ')}
              </List.Item>
            );
          })}
        </List>
        <Radio.Group
          label={t('writer.generate.resolution')}
          value={resolution}
          onChange={(value) => onResolution(value as Resolution)}
        >
          <Stack gap={4} mt={4}>
            <Radio value="skip" label={t('writer.generate.skip')} data-testid="generate-skip" />
            <Radio
              value="fallback"
              label={t('writer.generate.fallback')}
              data-testid="generate-fallback"
            />
          </Stack>
        </Radio.Group>
      </Stack>
    </Notice>
  );
}
