/**
 * Step 2 (tables): encoding and separator (text files) or the sheet (workbooks with several),
 * and which field each column fills.
 */
import { Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconBuildingBank, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  TEXT_ENCODINGS,
  type ColumnMapping,
  type Delimiter,
  type ImportField,
  type MappingPreset,
  type TextEncodingName,
} from '@core/transfer';
import { formatNumber } from '@renderer/lib/format-number';
import { FileSummary } from './FileSummary';
import { MappingTable } from './MappingTable';
import type { SourceFile } from './use-import-wizard';

const DELIMITER_NAMES: Record<Delimiter, 'comma' | 'tab' | 'semicolon'> = {
  ',': 'comma',
  '\t': 'tab',
  ';': 'semicolon',
};

export function ImportColumnsStep({
  source,
  mapping,
  preset,
  onDecode,
  onSheet,
  onField,
  onPreset,
}: {
  source: SourceFile;
  mapping: ColumnMapping;
  preset: MappingPreset;
  onDecode(encoding: TextEncodingName, delimiter: Delimiter): void;
  onSheet(sheet: string): void;
  onField(column: number, field: ImportField): void;
  onPreset(preset: MappingPreset): void;
}) {
  const { t, i18n } = useTranslation();
  const delimiter = source.delimiter ?? ',';
  const count = (value: number) => formatNumber(value, i18n.language);

  return (
    <Stack gap="md">
      <FileSummary
        name={source.name}
        summary={t('transfer.import.fileSummary', {
          rows: count(source.rowCount),
          columns: count(source.headers.length),
        })}
      />
      {source.format === 'workbook' ? (
        (source.sheets?.length ?? 0) > 1 && (
          <Select
            label={t('transfer.import.sheet')}
            description={t('transfer.import.sheetHint')}
            data={source.sheets ?? []}
            value={source.sheet ?? null}
            allowDeselect={false}
            onChange={(value) => value !== null && onSheet(value)}
            w={380}
            data-testid="import-sheet"
          />
        )
      ) : (
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('transfer.import.encoding')}
            description={t('transfer.import.encodingDetected', {
              encoding: t(`transfer.import.encodings.${source.detectedEncoding}`),
            })}
            data={TEXT_ENCODINGS.map((value) => ({
              value,
              label: t(`transfer.import.encodings.${value}`),
            }))}
            value={source.encoding}
            allowDeselect={false}
            onChange={(value) => value && onDecode(value as TextEncodingName, delimiter)}
            w={380}
            data-testid="import-encoding"
          />
          <Select
            label={t('transfer.import.delimiter')}
            data={Object.entries(DELIMITER_NAMES).map(([value, name]) => ({
              value,
              label: t(`transfer.import.delimiters.${name}`),
            }))}
            value={delimiter}
            allowDeselect={false}
            onChange={(value) => value && onDecode(source.encoding, value as Delimiter)}
            w={220}
            data-testid="import-delimiter"
          />
        </Group>
      )}
      <div>
        <Text fw={600}>{t('transfer.import.mappingTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('transfer.import.mappingHint')}
        </Text>
      </div>
      <Group gap="xs">
        <Tooltip label={t('transfer.import.presetOfficialsHint')} multiline w={360}>
          <Button
            variant={preset === 'officials' ? 'filled' : 'default'}
            leftSection={<IconBuildingBank size={16} aria-hidden />}
            onClick={() => onPreset('officials')}
            data-testid="import-preset-officials"
          >
            {t('transfer.import.presetOfficials')}
          </Button>
        </Tooltip>
        <Button
          variant="default"
          leftSection={<IconWand size={16} aria-hidden />}
          onClick={() => onPreset('contacts')}
          data-testid="import-preset-contacts"
        >
          {t('transfer.import.presetContacts')}
        </Button>
        {mapping.defaults.kind === 'official' && (
          <Text size="sm" c="dimmed" data-testid="import-officials-active">
            {t('transfer.import.officialsActive')}
          </Text>
        )}
      </Group>
      <MappingTable
        headers={source.headers}
        sampleRows={source.sampleRows}
        mapping={mapping}
        onField={onField}
      />
    </Stack>
  );
}
