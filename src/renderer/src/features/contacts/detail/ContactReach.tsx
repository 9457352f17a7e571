import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactName, type Contact } from '@core/domain/contact';
import { SectionCard } from '@renderer/ui/SectionCard';
import { addressBlockLines } from './address-block';
import { entryLabel } from './entry-label';
import { CopyButton, CopyValue } from '@renderer/ui/CopyValue';

/** Emails, phones and websites (as text, with copy buttons) and addresses as letter blocks. */
export function ContactReach({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const groups = [
    { title: t('contactBook.fields.emails'), values: contact.emails },
    { title: t('contactBook.fields.phones'), values: contact.phones },
    { title: t('contactBook.fields.websites'), values: contact.websites },
  ].filter((group) => group.values.length > 0);
  const recipient = [contact.honorific, contactName(contact)].filter(Boolean).join(' ');
  return (
    <SectionCard title={t('contactBook.detail.contactInfo')} testId="contact-reach">
      <Stack gap="sm">
        {groups.length === 0 && contact.addresses.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('contactBook.detail.nothing')}
          </Text>
        )}
        {groups.map((group) => (
          <div key={group.title}>
            <Text size="xs" c="dimmed" mb={2}>
              {group.title}
            </Text>
            {group.values.map((entry) => (
              <CopyValue key={entry.value} value={entry.value} label={entryLabel(t, entry.label)} />
            ))}
          </div>
        ))}
        {contact.addresses.map((address, index) => {
          const block = [recipient, ...addressBlockLines(address)].join('\n');
          return (
            <div key={index} data-testid="contact-address">
              <Group gap={6} mb={2}>
                <Text size="xs" c="dimmed" dir="auto">
                  {entryLabel(t, address.label) ?? t('contactBook.detail.addresses')}
                </Text>
                <CopyButton
                  value={block}
                  name={entryLabel(t, address.label) ?? t('contactBook.detail.addresses')}
                />
              </Group>
              <Text
                size="sm"
                dir="auto"
                style={{ whiteSpace: 'pre-line', fontFamily: 'inherit' }}
                component="address"
                fs="normal"
              >
                {block}
              </Text>
            </div>
          );
        })}
      </Stack>
    </SectionCard>
  );
}
