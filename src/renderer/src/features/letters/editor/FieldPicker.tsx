import { Select } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupedFieldOptions } from '../field-labels';

/** A searchable list of merge fields, grouped, labelled in the UI language; picking inserts. */
export function FieldPicker({
  onPick,
  testId,
}: {
  onPick: (field: string) => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- labels follow the UI language
  const data = useMemo(() => groupedFieldOptions(t), [t, i18n.language]);
  const [value, setValue] = useState<string | null>(null);
  return (
    <Select
      aria-label={t('writer.editor.field.insert')}
      placeholder={t('writer.editor.field.insert')}
      leftSection={<IconBraces size={16} aria-hidden />}
      data={data}
      value={value}
      searchable
      nothingFoundMessage={t('writer.editor.field.none')}
      maxDropdownHeight={320}
      comboboxProps={{ width: 280, position: 'bottom-start' }}
      w={220}
      size="xs"
      data-testid={testId}
      onChange={(field) => {
        if (field) onPick(field);
        setValue(null);
      }}
    />
  );
}
