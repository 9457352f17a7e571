import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactName } from '@core/domain/contact';
import { useMemo } from 'react';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';

const TABLES = ['letters', 'contacts', 'campaigns'] as const;
import { LetterStatusSelect } from './LetterStatusSelect';

/** Generated letters, newest first: all of them, or one campaign's. */
export function LettersTable({
  campaignId,
  emptyText,
}: {
  campaignId?: string;
  emptyText: string;
}) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const version = useStoreVersion(TABLES);
  const rows = useMemo(
    () =>
      core.letters
        .all()
        .filter((l) => !campaignId || l.campaignId === campaignId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((letter) => {
          const contact = core.contacts.get(letter.contactId);
          return {
            letter,
            recipient: contact ? contactName(contact) : t('writer.letters.unknownContact'),
            campaign: letter.campaignId ? (core.campaigns.get(letter.campaignId)?.name ?? '') : '',
          };
        }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, campaignId, version, t],
  );
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (rows.length === 0)
    return (
      <Text c="dimmed" data-testid="letters-empty">
        {emptyText}
      </Text>
    );
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="letters-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('writer.letters.recipient')}</Table.Th>
              {campaignId ? null : <Table.Th>{t('writer.letters.campaign')}</Table.Th>}
              <Table.Th>{t('writer.letters.subject')}</Table.Th>
              <Table.Th>{t('writer.letters.status')}</Table.Th>
              <Table.Th>{t('writer.letters.created')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ letter, recipient, campaign }) => (
              <Table.Tr key={letter.id} data-testid="letter-row" data-status={letter.status}>
                <Table.Td dir="auto">{recipient}</Table.Td>
                {campaignId ? null : <Table.Td dir="auto">{campaign}</Table.Td>}
                <Table.Td dir="auto">{letter.subject ?? letter.fileName ?? ''}</Table.Td>
                <Table.Td>
                  <LetterStatusSelect letter={letter} />
                </Table.Td>
                <Table.Td>{date.format(new Date(letter.createdAt))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
