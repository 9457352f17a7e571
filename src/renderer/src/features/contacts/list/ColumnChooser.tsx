import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, type ColumnId } from './contact-columns';

/** Which columns the list shows (the name always). */
export const ColumnChooser = memo(function ColumnChooser({
  columns,
  onChange,
}: {
  columns: readonly ColumnId[];
  onChange(columns: string[]): void;
}) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconColumns size={16} aria-hidden />}
          data-testid="column-chooser"
        >
          {t('contactBook.list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb="xs">
          {t('contactBook.list.columnsHint')}
        </Text>
        <Checkbox.Group value={[...columns]} onChange={onChange}>
          <Stack gap={6}>
            {COLUMN_IDS.map((column) => (
              <Checkbox
                key={column}
                value={column}
                label={t(`contactBook.columns.${column}`)}
                disabled={column === 'name'}
                data-testid={`column-${column}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
});
