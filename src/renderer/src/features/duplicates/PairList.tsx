import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsJoin, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair } from '@core/dedupe';
import { contactName, hidesIdentity, type Contact } from '@core/domain/contact';
import { formatNumber } from '@renderer/lib/format-number';
import { ReasonBadges } from './ReasonBadges';
import { formattingLocale } from '@shared/i18n/languages';

/** Enough to review in one sitting; more appear as pairs are merged or dismissed. */
const SHOWN = 100;

function Person({ contact, organization }: { contact: Contact; organization?: string }) {
  const role = [contact.title, organization ?? contact.organizationName, contact.region]
    .filter(Boolean)
    .join(' · ');
  return (
    <div style={{ minWidth: 0, flex: '1 1 200px' }}>
      <Text fw={600} dir="auto" truncate data-testid="duplicate-name">
        {contactName(contact)}
      </Text>
      <Text size="xs" c="dimmed" dir="auto" truncate>
        {role ||
          (hidesIdentity(contact) ? '' : contact.emails[0]?.value || contact.phones[0]?.value) ||
          '\u00a0'}
      </Text>
    </div>
  );
}

export function PairList({
  pairs,
  contacts,
  organizationNames,
  onCompare,
  onDismiss,
}: {
  pairs: readonly DuplicatePair[];
  contacts: ReadonlyMap<string, Contact>;
  organizationNames: ReadonlyMap<string, string>;
  onCompare(pair: DuplicatePair): void;
  onDismiss(pair: DuplicatePair): void;
}) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => formatNumber(n, i18n.language);
  const percent = (score: number) =>
    new Intl.NumberFormat(formattingLocale(i18n.language), { style: 'percent' }).format(score);
  if (pairs.length === 0)
    return (
      <Text c="dimmed" data-testid="duplicates-none">
        {t('directory.duplicates.none')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="duplicates-count">
        {pairs.length > SHOWN
          ? t('directory.duplicates.shownPairs', {
              shown: count(SHOWN),
              n: count(pairs.length),
              count: pairs.length,
            })
          : t('directory.duplicates.pairs', { n: count(pairs.length) })}
      </Text>
      {pairs.slice(0, SHOWN).map((pair) => {
        const a = contacts.get(pair.a);
        const b = contacts.get(pair.b);
        if (!a || !b) return null;
        return (
          <Paper
            key={`${pair.a}+${pair.b}`}
            withBorder
            radius="md"
            p="sm"
            data-testid="duplicate-pair"
          >
            <Group gap="md" wrap="wrap" align="flex-start">
              <Person contact={a} organization={organizationNames.get(a.organizationId ?? '')} />
              <Person contact={b} organization={organizationNames.get(b.organizationId ?? '')} />
            </Group>
            <Group justify="space-between" mt="xs" gap="xs">
              <Group gap="xs">
                <Text size="xs" fw={600}>
                  {t('directory.duplicates.score', { score: percent(pair.score) })}
                </Text>
                <ReasonBadges reasons={pair.reasons} />
              </Group>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconX size={14} aria-hidden />}
                  onClick={() => onDismiss(pair)}
                  title={t('directory.duplicates.dismissHint')}
                  data-testid="duplicate-dismiss"
                >
                  {t('directory.duplicates.dismiss')}
                </Button>
                <Button
                  size="xs"
                  leftSection={<IconArrowsJoin size={14} aria-hidden />}
                  onClick={() => onCompare(pair)}
                  data-testid="duplicate-compare"
                >
                  {t('directory.duplicates.compare')}
                </Button>
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
