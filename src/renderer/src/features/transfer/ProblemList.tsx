/** The rows that will not be imported: row (or card), column, what is wrong, the value. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '@core/transfer';
import { formatNumber } from '@renderer/lib/format-number';
import { problemColumn, problemText } from './messages';

/** More would make a table nobody reads; the count of the rest is shown. */
const LISTED = 200;

export function ProblemList({ problems, cards }: { problems: ImportProblem[]; cards: boolean }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatNumber(value, i18n.language);
  return (
    <div data-testid="import-problems">
      <Text fw={600} mb={4}>
        {t('transfer.import.problemsTitle', { n: count(problems.length) })}
      </Text>
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t(cards ? 'transfer.import.card' : 'transfer.import.row')}</Table.Th>
            <Table.Th>{t('transfer.import.column')}</Table.Th>
            <Table.Th>{t('transfer.import.problem')}</Table.Th>
            <Table.Th>{t('transfer.import.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.slice(0, LISTED).map((problem, index) => (
            <Table.Tr
              key={index}
              data-testid="import-problem"
              data-row={problem.row}
              data-code={problem.code}
            >
              <Table.Td>
                {count(problem.row)}
                {problem.person && (
                  <Text size="xs" c="dimmed" data-testid="import-problem-person">
                    <bdi>{problem.person}</bdi>
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <bdi>{problemColumn(t, problem)}</bdi>
              </Table.Td>
              <Table.Td>{problemText(t, problem)}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>
                <bdi>{problem.value ?? ''}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problems.length > LISTED && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('transfer.import.moreProblems', {
            count: problems.length - LISTED,
            n: count(problems.length - LISTED),
          })}
        </Text>
      )}
    </div>
  );
}
