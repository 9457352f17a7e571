/** The contact import wizard: file → encoding, separator and columns → review → import. */
import { Button, Group, Loader, Modal, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { formatNumber } from '@renderer/lib/format-number';
import { FileSummary } from './FileSummary';
import { ImportColumnsStep } from './ImportColumnsStep';
import { ImportFileStep } from './ImportFileStep';
import { ImportResult } from './ImportResult';
import { ImportReviewStep } from './ImportReviewStep';
import { useImportWizard, type WizardState, type WizardStep } from './use-import-wizard';
import { useLikelyDuplicates } from './use-likely-duplicates';

const STEPS: WizardStep[] = ['file', 'columns', 'review', 'done'];

export function ImportDialog(props: { opened: boolean; onClose(): void }): JSX.Element {
  const { t } = useTranslation();
  const core = useDataCore();
  const wizard = useImportWizard(core);
  const close = () => {
    if (wizard.state.busy?.what === 'importing') return;
    wizard.reset();
    props.onClose();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={t('transfer.import.title')}
      size="min(1100px, 95vw)"
      data-testid="import-dialog"
    >
      <WizardBody wizard={wizard} onClose={close} />
    </Modal>
  );
}

function Busy({ busy, fileName }: { busy: NonNullable<WizardState['busy']>; fileName: string }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatNumber(value, i18n.language);
  const label =
    busy.what === 'reading'
      ? t('transfer.import.reading', { name: fileName })
      : busy.what === 'checking'
        ? t('transfer.import.checking', {
            done: count(busy.done ?? 0),
            total: count(busy.total ?? 0),
          })
        : t('transfer.import.importing');
  return (
    <Stack align="center" gap="sm" py="lg" data-testid="import-busy">
      <Loader size="sm" />
      <Text size="sm" dir="auto">
        {label}
      </Text>
      {busy.total ? (
        <Progress value={((busy.done ?? 0) / busy.total) * 100} w="60%" aria-label={label} />
      ) : null}
    </Stack>
  );
}

function WizardBody({
  wizard,
  onClose,
}: {
  wizard: ReturnType<typeof useImportWizard>;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const { state } = wizard;
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const count = (value: number) => formatNumber(value, i18n.language);

  return (
    <Stack gap="md">
      <Stepper active={STEPS.indexOf(state.step)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('transfer.import.steps.file')} />
        <Stepper.Step label={t('transfer.import.steps.columns')} />
        <Stepper.Step label={t('transfer.import.steps.review')} />
        <Stepper.Step label={t('transfer.import.steps.done')} />
      </Stepper>
      {state.busy ? (
        <Busy busy={state.busy} fileName={state.source?.name ?? ''} />
      ) : state.step === 'file' ? (
        <ImportFileStep fileError={state.fileError} onFile={wizard.chooseFile} />
      ) : state.step === 'columns' && state.source && state.mapping ? (
        <>
          <ImportColumnsStep
            source={state.source}
            mapping={state.mapping}
            preset={state.preset}
            onDecode={wizard.redecode}
            onField={wizard.setField}
            onPreset={wizard.applyPreset}
          />
          <Group justify="space-between">
            <Button variant="default" onClick={wizard.reset} data-testid="import-back">
              {t('transfer.import.back')}
            </Button>
            <Button onClick={() => void wizard.review()} data-testid="import-next">
              {t('transfer.import.next')}
            </Button>
          </Group>
        </>
      ) : state.step === 'review' && state.preview ? (
        <ReviewWithDuplicates
          wizard={wizard}
          skipDuplicates={skipDuplicates}
          onSkipDuplicates={setSkipDuplicates}
          onClose={onClose}
        />
      ) : state.step === 'done' && state.outcome ? (
        <>
          <ImportResult outcome={state.outcome} />
          <Group justify="space-between">
            <Button variant="default" onClick={wizard.reset} data-testid="import-another">
              {t('transfer.import.importAnother')}
            </Button>
            <Button onClick={onClose} data-testid="import-close">
              {t('transfer.import.close')}
            </Button>
          </Group>
        </>
      ) : null}
      {state.step === 'file' && !state.busy && (
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('transfer.import.cancel')}
          </Button>
        </Group>
      )}
      {state.source && state.step === 'review' && !state.busy && (
        <FileSummary
          name={state.source.name}
          summary={
            state.source.format === 'vcard'
              ? t('transfer.import.cardsSummary', { n: count(state.preview?.rows.length ?? 0) })
              : t('transfer.import.fileSummary', {
                  rows: count(state.source.table?.rows.length ?? 0),
                  columns: count(state.source.table?.headers.length ?? 0),
                })
          }
        />
      )}
    </Stack>
  );
}

function ReviewWithDuplicates({
  wizard,
  skipDuplicates,
  onSkipDuplicates,
  onClose,
}: {
  wizard: ReturnType<typeof useImportWizard>;
  skipDuplicates: boolean;
  onSkipDuplicates(skip: boolean): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const preview = wizard.state.preview;
  const duplicates = useLikelyDuplicates(preview ?? EMPTY_PREVIEW);
  if (!preview) return null;
  const chosen = skipDuplicates
    ? preview.valid.filter((_, index) => !duplicates.has(index))
    : preview.valid;
  const skipped = preview.rows.length - chosen.length;

  return (
    <>
      <ImportReviewStep
        preview={preview}
        cards={wizard.state.source?.format === 'vcard'}
        duplicates={duplicates}
        skipDuplicates={skipDuplicates}
        onSkipDuplicates={onSkipDuplicates}
      />
      {chosen.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="import-nothing">
          {t('transfer.import.nothingToImport')}
        </Text>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={wizard.back} data-testid="import-back">
          {t('transfer.import.back')}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onClose} data-testid="import-cancel">
            {t('transfer.import.cancel')}
          </Button>
          <Button
            disabled={chosen.length === 0}
            onClick={() => void wizard.commit(chosen, skipped)}
            data-testid="import-submit"
          >
            {t('transfer.import.importButton', {
              n: formatNumber(chosen.length, i18n.language),
            })}
          </Button>
        </Group>
      </Group>
    </>
  );
}

const EMPTY_PREVIEW = { rows: [], valid: [], validRows: [], problems: [], invalidCount: 0 };
