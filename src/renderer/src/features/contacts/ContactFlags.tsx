import { Badge, Group, Tooltip } from '@mantine/core';
import { IconBan, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@core/domain/contact';

/** Do-not-contact and sensitive markers: colour, icon and words, never colour alone. */
export function ContactFlags({
  contact,
  size = 'sm',
}: {
  contact: Pick<Contact, 'doNotContact' | 'sensitive'>;
  size?: 'sm' | 'lg';
}) {
  const { t } = useTranslation();
  if (!contact.doNotContact && !contact.sensitive) return null;
  const iconSize = size === 'lg' ? 16 : 12;
  return (
    <Group gap={6} wrap="nowrap">
      {contact.doNotContact && (
        <Tooltip label={t('contactBook.flags.doNotContactHint')} multiline w={260} withArrow>
          <Badge
            color="red"
            variant={size === 'lg' ? 'filled' : 'light'}
            size={size}
            leftSection={<IconBan size={iconSize} aria-hidden />}
            data-testid="flag-do-not-contact"
          >
            {t('contactBook.flags.doNotContact')}
          </Badge>
        </Tooltip>
      )}
      {contact.sensitive && (
        <Tooltip label={t('contactBook.flags.sensitiveHint')} multiline w={260} withArrow>
          <Badge
            color="grape"
            variant={size === 'lg' ? 'filled' : 'light'}
            size={size}
            leftSection={<IconEyeOff size={iconSize} aria-hidden />}
            data-testid="flag-sensitive"
          >
            {t('contactBook.flags.sensitive')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
