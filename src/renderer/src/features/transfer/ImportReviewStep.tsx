/** Step 3: the first contacts as they will be stored, the problems, likely duplicates. */
import { Badge, Radio, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactName, type ContactInput } from '@core/domain/contact';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { ProblemList } from './ProblemList';
import { ReviewSummary } from './ReviewSummary';
import type { LikelyDuplicate } from './use-likely-duplicates';
import type { WorkerCheck } from './worker/messages';

const SHOWN = 10;

/** Title, organization, emails and phones, each isolated in its own direction. */
function Details({ input }: { input: ContactInput }) {
  const parts = [
    input.title,
    input.organizationName,
    ...(input.emails ?? []).map((email) => email.value),
    ...(input.phones ?? []).map((phone) => phone.value),
  ].filter((part): part is string => Boolean(part));
  return (
    <>
      {parts.map((part, index) => (
        <span key={index} style={{ whiteSpace: 'nowrap' }}>
          {index > 0 && ' · '}
          <bdi>{part}</bdi>
        </span>
      ))}
    </>
  );
}

/** What becomes of rows that match contacts already stored. */
export type KnownChoice = 'skip' | 'update' | 'new';

export function ImportReviewStep({
  check: preview,
  cards,
  duplicates,
  known,
  onKnown,
}: {
  check: WorkerCheck;
  cards: boolean;
  duplicates: Map<number, LikelyDuplicate>;
  known: KnownChoice;
  onKnown(choice: KnownChoice): void;
}) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatNumber(value, i18n.language);
  const reasons = (duplicate: LikelyDuplicate) =>
    duplicate.reasons
      .filter((reason) => !reason.startsWith('different'))
      .map((reason) => t(`transfer.import.reasons.${reason}`))
      .join(i18n.language.startsWith('ar') ? '، ' : ', ');

  return (
    <Stack gap="md">
      <div>
        <Text fw={600} mb={4}>
          {t('transfer.import.previewTitle')}
        </Text>
        {preview.validCount === 0 ? (
          <Text c="dimmed">{t('transfer.import.previewEmpty')}</Text>
        ) : (
          <Table withTableBorder striped verticalSpacing={4} fz="sm" data-testid="import-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>
                  {t(cards ? 'transfer.import.card' : 'transfer.import.row')}
                </Table.Th>
                <Table.Th>{t('transfer.import.name')}</Table.Th>
                <Table.Th>{t('transfer.import.fields.kind')}</Table.Th>
                <Table.Th>{t('transfer.import.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.preview.slice(0, SHOWN).map((input, index) => {
                const duplicate = duplicates.get(index);
                return (
                  <Table.Tr key={index} data-testid="import-preview-row">
                    <Table.Td>{count(preview.validRows[index] ?? 0)}</Table.Td>
                    <Table.Td>
                      <bdi data-testid="import-preview-name">
                        {contactName(input as Parameters<typeof contactName>[0])}
                      </bdi>
                      {duplicate && (
                        <Badge
                          color="orange"
                          variant="light"
                          ms="xs"
                          size="sm"
                          data-testid="import-duplicate-badge"
                          style={{ textTransform: 'none' }}
                        >
                          {t('transfer.import.duplicateOf', {
                            name: duplicate.name,
                            reasons: reasons(duplicate),
                          })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`contactBook.kinds.${input.kind ?? 'other'}`)}</Table.Td>
                    <Table.Td>
                      <Details input={input} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </div>
      <ReviewSummary check={preview} known={duplicates.size} choice={known} />
      {duplicates.size > 0 && (
        <Radio.Group
          value={known}
          onChange={(value) => onKnown(value as KnownChoice)}
          label={t('transfer.import.knownTitle', { n: count(duplicates.size) })}
          data-testid="import-known-choice"
        >
          <Stack gap={6} mt={6}>
            <Radio
              value="skip"
              label={t('transfer.import.knownSkip')}
              data-testid="import-skip-duplicates"
            />
            <Radio
              value="update"
              label={t('transfer.import.knownUpdate')}
              data-testid="import-update-duplicates"
            />
            <Radio
              value="new"
              label={t('transfer.import.knownNew')}
              data-testid="import-new-duplicates"
            />
          </Stack>
        </Radio.Group>
      )}
      {preview.problems.length === 0 ? (
        <Notice tone="success" data-testid="import-no-problems">
          {t('transfer.import.noProblems')}
        </Notice>
      ) : (
        <>
          <Notice tone="warning" data-testid="import-skipped">
            {t('transfer.import.skipped', { n: count(preview.invalidCount) })}
          </Notice>
          <ProblemList problems={preview.problems} cards={cards} />
        </>
      )}
    </Stack>
  );
}
