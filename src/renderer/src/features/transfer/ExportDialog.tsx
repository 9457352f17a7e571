/** Exports all or the selected contacts as CSV or vCard; sensitive ones only when ticked. */
import { Button, Checkbox, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportContactsCsv,
  exportContactsVCard,
  exportFileName,
  selectForExport,
} from '@core/transfer';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { bridge } from '@renderer/lib/bridge';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { PlainExportWarning } from '@renderer/ui/PlainExportWarning';
import { unwrap } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';

type Format = 'csv' | 'vcard';

const FILES = {
  csv: { extension: 'csv', encode: exportContactsCsv },
  vcard: { extension: 'vcf', encode: exportContactsVCard },
} as const;

export function ExportDialog(props: {
  opened: boolean;
  onClose(): void;
  contactIds?: readonly string[];
}): JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('transfer.export.title')}
      size="lg"
      data-testid="export-dialog"
    >
      {props.opened && <ExportForm contactIds={props.contactIds} onClose={props.onClose} />}
    </Modal>
  );
}

function ExportForm({ contactIds, onClose }: { contactIds?: readonly string[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatNumber(value, i18n.language);
  const [format, setFormat] = useState<Format>('csv');
  const [scope, setScope] = useState<'selected' | 'all'>(contactIds ? 'selected' : 'all');
  const [includeSensitive, setIncludeSensitive] = useState(false);
  const saving = useAction();
  const { contacts, organizationNames } = useStoreQuery(['contacts', 'organizations'], (core) => ({
    contacts: core.contacts.all(),
    organizationNames: new Map(core.organizations.all().map((o) => [o.id, o.name])),
  }));
  const selection = selectForExport(contacts, {
    contactIds: scope === 'selected' ? contactIds : undefined,
    includeSensitive,
  });
  const sensitiveInScope = selectForExport(contacts, {
    contactIds: scope === 'selected' ? contactIds : undefined,
    includeSensitive: false,
  }).sensitiveLeftOut;

  const save = () => {
    const file = FILES[format];
    const suggestedName = exportFileName(new Date(), file.extension, t('transfer.export.fileName'));
    return saving.run(
      async () =>
        unwrap(
          await bridge.saveFile({
            suggestedName,
            bytes: file.encode(selection.contacts, organizationNames),
            filters: [{ name: t(`common.fileTypes.${format}`), extensions: [file.extension] }],
          }),
        ),
      {
        done: (saved) =>
          saved.saved ? t('transfer.export.saved', { name: saved.fileName }) : null,
        failed: (reason) => t('transfer.export.failed', { message: reason }),
      },
    );
  };

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('transfer.export.format')}
        value={format}
        onChange={(value) => setFormat(value as Format)}
        data-testid="export-format"
      >
        <Stack gap={6} mt={6}>
          <Radio value="csv" label={t('transfer.export.csv')} data-testid="export-format-csv" />
          <Radio
            value="vcard"
            label={t('transfer.export.vcard')}
            data-testid="export-format-vcard"
          />
        </Stack>
      </Radio.Group>
      <Radio.Group
        label={t('transfer.export.scope')}
        value={scope}
        onChange={(value) => setScope(value as 'selected' | 'all')}
      >
        <Stack gap={6} mt={6}>
          {contactIds && (
            <Radio
              value="selected"
              label={t('transfer.export.scopeSelected', {
                n: count(contactIds.length),
                count: contactIds.length,
              })}
              data-testid="export-scope-selected"
            />
          )}
          <Radio
            value="all"
            label={t('transfer.export.scopeAll', {
              n: count(contacts.length),
              count: contacts.length,
            })}
            data-testid="export-scope-all"
          />
        </Stack>
      </Radio.Group>
      <Checkbox
        checked={includeSensitive}
        onChange={(event) => setIncludeSensitive(event.currentTarget.checked)}
        label={t('transfer.export.includeSensitive')}
        data-testid="export-include-sensitive"
      />
      {sensitiveInScope > 0 &&
        (includeSensitive ? (
          <Notice tone="warning" p="xs" data-testid="export-sensitive-included">
            {t('transfer.export.sensitiveIncluded')}
          </Notice>
        ) : (
          <Text size="sm" c="dimmed" data-testid="export-sensitive-left-out">
            {t('transfer.export.sensitiveLeftOut', { n: count(selection.sensitiveLeftOut) })}
          </Text>
        ))}
      <PlainExportWarning />
      <Text size="sm" fw={500} data-testid="export-count" data-count={selection.contacts.length}>
        {selection.contacts.length === 0
          ? t('transfer.export.nothing')
          : t('transfer.export.willExport', { n: count(selection.contacts.length) })}
      </Text>
      <OutcomeNotice outcome={saving.outcome} testId="export-outcome" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('transfer.export.cancel')}
        </Button>
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          disabled={selection.contacts.length === 0}
          loading={saving.busy}
          onClick={() => void save()}
          data-testid="export-save"
        >
          {t('transfer.export.save')}
        </Button>
      </Group>
    </Stack>
  );
}
