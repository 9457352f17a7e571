import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EMPTY_ROW, type LabelledRow } from './contact-form-values';

export interface LabelledRowsProps {
  /** The list's name in field paths: "emails", "phones", "websites". */
  name: 'emails' | 'phones' | 'websites';
  title: string;
  valueLabel: string;
  addLabel: string;
  rows: LabelledRow[];
  onChange(rows: LabelledRow[]): void;
  errorAt(field: string): string | undefined;
  inputType?: string;
}

/** A repeatable list of label + value rows (emails, phones, websites). */
export function LabelledRows({
  name,
  title,
  valueLabel,
  addLabel,
  rows,
  onChange,
  errorAt,
  inputType = 'text',
}: LabelledRowsProps) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<LabelledRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {title}
      </Text>
      <Stack gap="xs">
        {rows.map((row, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={`${valueLabel} ${index + 1}`}
              placeholder={valueLabel}
              type={inputType}
              value={row.value}
              onChange={(event) => change(index, { value: event.currentTarget.value })}
              error={errorAt(`${name}.${index}.value`)}
              dir="ltr"
              style={{ flex: 2 }}
              data-testid={`field-${name}-${index}`}
            />
            <TextInput
              aria-label={`${t('contactBook.fields.label')} ${index + 1}`}
              placeholder={t('contactBook.fields.labelPlaceholder')}
              value={row.label}
              onChange={(event) => change(index, { label: event.currentTarget.value })}
              error={errorAt(`${name}.${index}.label`)}
              dir="auto"
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`${t('contactBook.fields.remove')}: ${valueLabel} ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...rows, { ...EMPTY_ROW }])}
          style={{ alignSelf: 'flex-start' }}
          data-testid={`add-${name}`}
        >
          {addLabel}
        </Button>
      </Stack>
    </div>
  );
}
