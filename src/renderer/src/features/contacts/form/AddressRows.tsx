import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EMPTY_ADDRESS, type AddressRow } from './contact-form-values';

/** The contact's postal addresses, each with its street lines and place. */
export function AddressRows({
  rows,
  onChange,
  errorAt,
}: {
  rows: AddressRow[];
  onChange(rows: AddressRow[]): void;
  errorAt(field: string): string | undefined;
}) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<AddressRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const field = (index: number, key: Exclude<keyof AddressRow, 'lines'>, label: string) => (
    <TextInput
      label={label}
      value={rows[index]?.[key] ?? ''}
      onChange={(event) => change(index, { [key]: event.currentTarget.value })}
      error={errorAt(`addresses.${index}.${key}`)}
      dir="auto"
      data-testid={`field-address-${key}-${index}`}
    />
  );
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('contactBook.fields.addresses')}
      </Text>
      <Stack gap="sm">
        {rows.map((row, index) => (
          <Paper key={index} withBorder p="sm" radius="md" data-testid={`address-${index}`}>
            <Group justify="space-between" mb="xs">
              <TextInput
                aria-label={t('contactBook.fields.label')}
                placeholder={t('contactBook.fields.labelPlaceholder')}
                value={row.label}
                onChange={(event) => change(index, { label: event.currentTarget.value })}
                dir="auto"
                size="xs"
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`${t('contactBook.fields.remove')}: ${t('contactBook.fields.addresses')} ${index + 1}`}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <Textarea
              label={t('contactBook.fields.addressLines')}
              description={t('contactBook.fields.addressLinesHint')}
              autosize
              minRows={2}
              value={row.lines}
              onChange={(event) => change(index, { lines: event.currentTarget.value })}
              error={errorAt(`addresses.${index}.lines`)}
              dir="auto"
              mb="xs"
              data-testid={`field-address-lines-${index}`}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {field(index, 'postalCode', t('contactBook.fields.postalCode'))}
              {field(index, 'locality', t('contactBook.fields.locality'))}
              {field(index, 'region', t('contactBook.fields.region'))}
              {field(index, 'country', t('contactBook.fields.country'))}
            </SimpleGrid>
          </Paper>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...rows, { ...EMPTY_ADDRESS }])}
          style={{ alignSelf: 'flex-start' }}
          data-testid="add-address"
        >
          {t('contactBook.fields.addAddress')}
        </Button>
      </Stack>
    </div>
  );
}
