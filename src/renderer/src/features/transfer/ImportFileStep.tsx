/** Step 1: choose the file (or drop it here). */
import { Button, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '@renderer/ui/Notice';
import { fileErrorText } from './messages';

const ACCEPT = [
  '.xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,.vcf,.vcard',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet',
  'text/csv,text/tab-separated-values,text/plain,text/vcard',
].join(',');

export function ImportFileStep({
  fileError,
  onFile,
}: {
  fileError: unknown;
  onFile(file: File): void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  return (
    <Stack
      align="center"
      gap="md"
      py="xl"
      px="md"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
      style={{
        border: '2px dashed var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        background: dragging ? 'var(--mantine-color-default-hover)' : undefined,
      }}
    >
      <IconFileUpload size={40} stroke={1.4} aria-hidden />
      <Button onClick={() => input.current?.click()} data-testid="import-choose-file">
        {t('transfer.import.chooseFile')}
      </Button>
      <Text size="sm" c="dimmed" ta="center" maw={520}>
        {t('transfer.import.fileHint')}
      </Text>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      {fileError !== null && (
        <Notice tone="danger" data-testid="import-file-error" w="100%">
          {fileErrorText(t, fileError)}
        </Notice>
      )}
    </Stack>
  );
}
