import { Badge, Group, Paper, Text } from '@mantine/core';
import { IconBan, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contactName, type Contact } from '@core/domain/contact';

export function ContactRow({
  contact,
  organization,
}: {
  contact: Contact;
  organization: string | undefined;
}) {
  const { t } = useTranslation();
  const role = [contact.title, organization ?? contact.organizationName]
    .filter(Boolean)
    .join(' · ');
  return (
    <Paper withBorder radius="md" px="md" py="sm" data-testid="contact-row">
      <Group justify="space-between" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} dir="auto" truncate>
            {contactName(contact)}
          </Text>
          {role && (
            <Text size="sm" c="dimmed" dir="auto" truncate>
              {role}
            </Text>
          )}
        </div>
        <Group gap={6} wrap="nowrap">
          {contact.doNotContact && (
            <Badge color="red" variant="light" leftSection={<IconBan size={12} aria-hidden />}>
              {t('pages.contacts.doNotContact')}
            </Badge>
          )}
          {contact.sensitive && (
            <Badge color="grape" variant="light" leftSection={<IconEyeOff size={12} aria-hidden />}>
              {t('pages.contacts.sensitive')}
            </Badge>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
