/** The contact import wizard: file → encoding, separator and columns → review → import. */
import { Button, Group, Loader, Modal, Progress, Stack, Stepper, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { FileSummary } from './FileSummary';
import { ImportColumnsStep } from './ImportColumnsStep';
import { ImportFileStep } from './ImportFileStep';
import { ImportResult } from './ImportResult';
import { ImportReviewStep, type KnownChoice } from './ImportReviewStep';
import { useImportWizard, type WizardBusy, type WizardStep } from './use-import-wizard';
import { useLikelyDuplicates } from './use-likely-duplicates';

const STEPS: WizardStep[] = ['file', 'columns', 'review', 'done'];

export function ImportDialog(props: { opened: boolean; onClose(): void }): JSX.Element {
  const { t } = useTranslation();
  const core = useDataCore();
  const wizard = useImportWizard(core);
  const close = () => {
    if (wizard.state.busy?.what === 'saving') return;
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

function busyLabel(t: TFunction, count: (n: number) => string, busy: WizardBusy, file: string) {
  const progress = { done: count(busy.done ?? 0), total: count(busy.total ?? 0) };
  switch (busy.what) {
    case 'reading':
      return t('transfer.import.reading', { name: file });
    case 'checking':
      return busy.total && busy.done === busy.total
        ? t('transfer.import.findingDuplicates')
        : busy.total
          ? t('transfer.import.checking', progress)
          : t('transfer.import.checkingCards');
    case 'preparing':
      return t('transfer.import.preparing', progress);
    case 'saving':
      return t('transfer.import.saving', { count: busy.total ?? 0, n: progress.total });
  }
}

function Busy({
  busy,
  fileName,
  onCancel,
}: {
  busy: WizardBusy;
  fileName: string;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatNumber(value, i18n.language);
  const label = busyLabel(t, count, busy, fileName);
  const measured = busy.total && busy.what !== 'saving' && busy.done !== busy.total;
  return (
    <Stack align="center" gap="sm" py="lg" data-testid="import-busy" data-what={busy.what}>
      <Loader size="sm" />
      <Text size="sm" dir="auto" ta="center" data-testid="import-busy-label">
        {label}
      </Text>
      {measured ? (
        <Progress
          value={((busy.done ?? 0) / (busy.total ?? 1)) * 100}
          w="60%"
          aria-label={label}
          data-testid="import-progress"
        />
      ) : null}
      {busy.what === 'saving' ? (
        <Text size="xs" c="dimmed" ta="center" maw={480}>
          {t('transfer.import.savingHint')}
        </Text>
      ) : (
        <Button variant="default" size="xs" onClick={onCancel} data-testid="import-busy-cancel">
          {t('transfer.import.cancel')}
        </Button>
      )}
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
  const [known, setKnown] = useState<KnownChoice>('skip');
  const count = (value: number) => formatNumber(value, i18n.language);

  return (
    <Stack gap="md">
      <Stepper active={STEPS.indexOf(state.step)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('transfer.import.steps.file')} />
        <Stepper.Step label={t('transfer.import.steps.columns')} />
        <Stepper.Step label={t('transfer.import.steps.review')} />
        <Stepper.Step label={t('transfer.import.steps.done')} />
      </Stepper>
      {state.cancelled && !state.busy && (
        <Notice tone="warning" data-testid="import-cancelled">
          {t('transfer.import.cancelled')}
        </Notice>
      )}
      {state.busy ? (
        <Busy busy={state.busy} fileName={state.source?.name ?? ''} onCancel={wizard.cancel} />
      ) : state.step === 'file' ? (
        <ImportFileStep fileError={state.fileError} onFile={wizard.chooseFile} />
      ) : state.step === 'columns' && state.source && state.mapping ? (
        <>
          <ImportColumnsStep
            source={state.source}
            mapping={state.mapping}
            preset={state.preset}
            onDecode={wizard.redecode}
            onSheet={wizard.chooseSheet}
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
      ) : state.step === 'review' && state.check ? (
        <ReviewWithDuplicates wizard={wizard} known={known} onKnown={setKnown} onClose={onClose} />
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
              ? t('transfer.import.cardsSummary', { n: count(state.source.rowCount) })
              : t('transfer.import.fileSummary', {
                  rows: count(state.source.rowCount),
                  columns: count(state.source.headers.length),
                })
          }
        />
      )}
    </Stack>
  );
}

function ReviewWithDuplicates({
  wizard,
  known,
  onKnown,
  onClose,
}: {
  wizard: ReturnType<typeof useImportWizard>;
  known: KnownChoice;
  onKnown(choice: KnownChoice): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const check = wizard.state.check;
  const duplicates = useLikelyDuplicates(check ?? { duplicates: [] });
  if (!check) return null;
  const skip = known === 'skip' ? new Set(duplicates.keys()) : new Set<number>();
  const update =
    known === 'update'
      ? new Map([...duplicates].map(([index, duplicate]) => [index, duplicate.contactId]))
      : new Map<number, string>();
  const chosenCount = check.validCount - skip.size;
  const skipped = check.rowCount - chosenCount;

  return (
    <>
      <ImportReviewStep
        check={check}
        cards={wizard.state.source?.format === 'vcard'}
        duplicates={duplicates}
        known={known}
        onKnown={onKnown}
      />
      {check.validCount === 0 && (
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
            disabled={chosenCount === 0}
            onClick={() => void wizard.commit(skip, skipped, update)}
            data-testid="import-submit"
          >
            {t('transfer.import.importButton', {
              n: formatNumber(chosenCount, i18n.language),
            })}
          </Button>
        </Group>
      </Group>
    </>
  );
}
