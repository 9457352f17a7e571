import { Button, Group, TextInput } from '@mantine/core';
import {
  IconBuildingBank,
  IconCopy,
  IconDownload,
  IconPlus,
  IconSearch,
  IconUpload,
} from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DirectoryDialog } from '@renderer/features/directory/DirectoryDialog';
import { DuplicatesDialog } from '@renderer/features/duplicates/DuplicatesDialog';
import { ExportDialog } from '@renderer/features/transfer/ExportDialog';
import { ImportDialog } from '@renderer/features/transfer/ImportDialog';

type DialogName = 'import' | 'export' | 'directory' | 'duplicates';

/**
 * The search box. It keeps what is typed itself and hands each query to the list in the same
 * update: the list draws only a screenful, so one synchronous redraw shows the result sooner
 * than a transition, which was sliced and painted twice.
 */
function ContactSearchBox({
  initialQuery,
  onQueryChange,
}: {
  initialQuery: string;
  onQueryChange(query: string): void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initialQuery);
  return (
    <TextInput
      aria-label={t('contactBook.list.searchLabel')}
      placeholder={t('contactBook.list.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setValue(next);
        onQueryChange(next);
      }}
      dir="auto"
      style={{ flex: '1 1 280px', maxWidth: 520 }}
      data-testid="contact-search"
    />
  );
}

/** Search-as-you-type and the contact book's actions on the whole list. */
export const ContactsToolbar = memo(function ContactsToolbar({
  initialQuery,
  onQueryChange,
}: {
  /** The query when the page opens; after that the search box is the only one to change it. */
  initialQuery: string;
  onQueryChange(query: string): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<DialogName | null>(null);
  const close = () => setOpen(null);
  const action = (name: DialogName, icon: React.ReactNode, label: string) => (
    <Button
      variant="default"
      leftSection={icon}
      onClick={() => setOpen(name)}
      data-testid={`contacts-${name}`}
    >
      {label}
    </Button>
  );

  return (
    <>
      <Group justify="space-between" align="flex-end" gap="sm" mb="sm">
        <ContactSearchBox initialQuery={initialQuery} onQueryChange={onQueryChange} />
        <Group gap="xs">
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => navigate('/contacts/new')}
            data-testid="contacts-new"
          >
            {t('contactBook.toolbar.newContact')}
          </Button>
          {action('import', <IconUpload size={16} aria-hidden />, t('contactBook.toolbar.import'))}
          {action(
            'export',
            <IconDownload size={16} aria-hidden />,
            t('contactBook.toolbar.export'),
          )}
          {action(
            'directory',
            <IconBuildingBank size={16} aria-hidden />,
            t('contactBook.toolbar.directory'),
          )}
          {action(
            'duplicates',
            <IconCopy size={16} aria-hidden />,
            t('contactBook.toolbar.duplicates'),
          )}
        </Group>
      </Group>
      <ImportDialog opened={open === 'import'} onClose={close} />
      <ExportDialog opened={open === 'export'} onClose={close} />
      <DirectoryDialog opened={open === 'directory'} onClose={close} />
      <DuplicatesDialog opened={open === 'duplicates'} onClose={close} />
    </>
  );
});
