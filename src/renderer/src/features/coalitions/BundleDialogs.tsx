/**
 * Sharing without a server (issue 20, item 7): a bundle of one shared campaign (or all) saved
 * as a file under a one-time passphrase shown once, and a bundle taken in from a file. The
 * replica worker's engine makes and opens them (see use-coalition-sync.ts).
 */
import { Button, FileInput, Group, Modal, PasswordInput, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_EXTENSION } from '@core/coalition/sync/bundle';
import type { Coalition } from '@core/domain/coalition';
import { safeFileName } from '@core/files/safe-file-name';
import { useCoalitionSyncClient } from '@renderer/app/coalition-sync/use-coalition-sync';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { bridge } from '@renderer/lib/bridge';
import { today } from '@renderer/lib/local-time';
import { unwrap } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';
import { useFormatters } from '@renderer/lib/use-formatters';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { OneTimePassphrase } from './OneTimePassphrase';

const ALL = 'all';

interface DialogProps {
  coalition: Coalition;
  opened: boolean;
  onClose(): void;
}

export function ExportBundleDialog({ coalition, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('coalitions.bundle.exportTitle', { name: coalition.name })}
      size="lg"
    >
      {opened && <ExportFlow coalition={coalition} onClose={onClose} />}
    </Modal>
  );
}

function ExportFlow({ coalition, onClose }: { coalition: Coalition; onClose(): void }) {
  const { t } = useTranslation();
  const sync = useCoalitionSyncClient();
  const format = useFormatters();
  const exporting = useAction();
  const [choice, setChoice] = useState(ALL);
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const campaigns = useStoreQuery(['campaigns'], (open) =>
    coalition.sharedCampaigns.flatMap(({ campaignId }) => {
      const campaign = open.campaigns.get(campaignId);
      return campaign ? [{ value: campaign.id, label: campaign.name }] : [];
    }),
  );
  const options = [{ value: ALL, label: t('coalitions.bundle.allCampaigns') }, ...campaigns];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (exporting.busy || !sync) return;
    const chosen = campaigns.find((campaign) => campaign.value === choice);
    const made = await exporting.run(
      async () => {
        const bundle = await sync.exportBundle(coalition.id, chosen?.value);
        const name = t('coalitions.bundle.fileName', {
          name: chosen?.label ?? coalition.name,
          date: today(),
        });
        const saved = unwrap(
          await bridge.saveFile({
            suggestedName: safeFileName(name, BUNDLE_EXTENSION, 'Tadamun'),
            bytes: new TextEncoder().encode(bundle.file),
            filters: [{ name: t('coalitions.bundle.fileType'), extensions: [BUNDLE_EXTENSION] }],
          }),
        );
        return { saved, bundle };
      },
      {
        done: ({ saved, bundle }) =>
          saved.saved
            ? t('coalitions.bundle.saved', {
                fileName: saved.fileName,
                count: bundle.documents,
                n: format.number(bundle.documents),
              })
            : null,
        failed: (reason) => t('coalitions.bundle.exportFailed', { reason }),
      },
    );
    // The passphrase opens only the file just saved: not shown when nothing was saved.
    if (made.ok && made.value.saved.saved) setPassphrase(made.value.bundle.passphrase);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="coalition-bundle-export">
      <Stack gap="sm">
        <Text size="sm">{t('coalitions.bundle.exportIntro')}</Text>
        {!passphrase && (
          <Select
            label={t('coalitions.bundle.campaign')}
            data={options}
            value={choice}
            onChange={(value) => setChoice(value ?? ALL)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
            data-testid="coalition-bundle-campaign"
          />
        )}
        <OutcomeNotice outcome={exporting.outcome} testId="coalition-bundle-export-outcome" />
        {passphrase && (
          <OneTimePassphrase
            title={t('coalitions.bundle.passphrase')}
            value={passphrase}
            warning={t('coalitions.bundle.passphraseWarning')}
            testId="coalition-bundle-passphrase"
          />
        )}
        <Group justify="flex-end">
          {passphrase ? (
            <Button onClick={onClose} data-testid="coalition-bundle-done">
              {t('coalitions.invite.done')}
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={exporting.busy}
                disabled={!sync}
                data-testid="coalition-bundle-export-submit"
              >
                {t('coalitions.bundle.exportSubmit')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}

export function ImportBundleDialog({ coalition, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('coalitions.bundle.importTitle', { name: coalition.name })}
      size="lg"
    >
      {opened && <ImportFlow coalition={coalition} onClose={onClose} />}
    </Modal>
  );
}

function ImportFlow({ coalition, onClose }: { coalition: Coalition; onClose(): void }) {
  const { t } = useTranslation();
  const sync = useCoalitionSyncClient();
  const format = useFormatters();
  const importing = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [submitted, setSubmitted] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (importing.busy || !sync || !file || !passphrase.trim()) return;
    await importing.run(
      async () => sync.importBundle(coalition.id, await file.text(), passphrase),
      {
        done: (count) => t('coalitions.bundle.imported', { count, n: format.number(count) }),
        failed: (reason) => t('coalitions.bundle.importFailed', { reason }),
      },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="coalition-bundle-import">
      <Stack gap="sm">
        <Text size="sm">{t('coalitions.bundle.importIntro')}</Text>
        <FileInput
          label={t('coalitions.bundle.file')}
          placeholder={t('coalitions.bundle.filePlaceholder')}
          value={file}
          onChange={setFile}
          accept={`.${BUNDLE_EXTENSION}`}
          clearable
          error={submitted && !file}
          data-testid="coalition-bundle-file"
        />
        <PasswordInput
          label={t('coalitions.bundle.passphrase')}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          autoComplete="off"
          dir="ltr"
          error={submitted && !passphrase.trim()}
          visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
          data-testid="coalition-bundle-import-passphrase"
        />
        <OutcomeNotice outcome={importing.outcome} testId="coalition-bundle-import-outcome" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('coalitions.bundle.close')}
          </Button>
          <Button
            type="submit"
            loading={importing.busy}
            disabled={!sync}
            data-testid="coalition-bundle-import-submit"
          >
            {t('coalitions.bundle.importSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
