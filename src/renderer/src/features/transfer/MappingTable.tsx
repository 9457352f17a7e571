/** One line per source column: its header, a few sample values, and the field it fills. */
import { Select, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAddressField, type ColumnMapping, type ImportField } from '@core/transfer';
import { fieldOptions } from './field-labels';

const SAMPLES = 3;

function samplesOf(rows: readonly (readonly string[])[], column: number): string[] {
  const found: string[] = [];
  for (const cells of rows) {
    const cell = cells[column]?.trim();
    if (cell) found.push(cell.replace(/\s*\n\s*/g, ' · '));
    if (found.length === SAMPLES) break;
  }
  return found;
}

export function MappingTable({
  headers,
  sampleRows,
  mapping,
  onField,
}: {
  headers: readonly string[];
  sampleRows: readonly (readonly string[])[];
  mapping: ColumnMapping;
  onField(column: number, field: ImportField): void;
}) {
  const { t } = useTranslation();
  const slots = Math.max(
    3,
    ...mapping.fields.map((field) => (parseAddressField(field)?.slot ?? 0) + 1),
  );
  const options = useMemo(() => fieldOptions(t, slots), [t, slots]);

  return (
    <Table striped withTableBorder verticalSpacing="xs" data-testid="import-mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('transfer.import.column')}</Table.Th>
          <Table.Th>{t('transfer.import.samples')}</Table.Th>
          <Table.Th w={280}>{t('transfer.import.importedAs')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {headers.map((header, column) => {
          const name = header || t('transfer.import.columnNumber', { number: column + 1 });
          const field = mapping.fields[column] ?? 'ignore';
          return (
            <Table.Tr key={column} data-testid="import-mapping-row" data-field={field}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  <bdi>{name}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                {samplesOf(sampleRows, column).map((sample, index) => (
                  <Text key={index} size="xs" c="dimmed" lineClamp={1} maw={320}>
                    <bdi>{sample}</bdi>
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('transfer.import.fieldFor', { column: name })}
                  data={options}
                  value={field}
                  allowDeselect={false}
                  maxDropdownHeight={320}
                  onChange={(value) => value && onField(column, value as ImportField)}
                  c={field === 'ignore' ? 'dimmed' : undefined}
                  data-testid={`import-field-${column}`}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
