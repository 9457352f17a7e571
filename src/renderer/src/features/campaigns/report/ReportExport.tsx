import { Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '@core/domain/campaign';
import { campaignReportDocx, outreachCsv, type CampaignReportInput } from '@core/reports';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { bridge } from '@renderer/lib/bridge';
import { localTimeZone, today } from '@renderer/features/outreach/local-time';
import { OutcomeNotice, type Outcome } from '@renderer/ui/OutcomeNotice';
import { PlainExportWarning } from '@renderer/ui/PlainExportWarning';
import { IpcFailure, reasonOf } from '@renderer/lib/reason-of';

/** A name the save dialog accepts on every system: no path separators or reserved marks. */
export function safeFileName(name: string): string {
  const printable = [...name].filter((char) => char >= ' ').join('');
  const safe = printable
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return safe.slice(0, 150) || 'Tadamun';
}

type Format = 'docx' | 'csv';

/** The campaign report (DOCX) and the outreach log (CSV), after the plain-export warning. */
export function ReportExport({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const [opened, setOpened] = useState(false);
  const [includeSensitive, setIncludeSensitive] = useState(false);
  const [busy, setBusy] = useState<Format | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = async (format: Format) => {
    setBusy(format);
    setOutcome(null);
    try {
      const day = today();
      const input: CampaignReportInput = {
        campaign,
        targets: core.targets.forCampaign(campaign.id),
        contacts: core.contacts.all(),
        interactions: core.interactions.forCampaign(campaign.id),
        settings: core.settings.get(),
        language: campaign.language.startsWith('ar') ? 'ar' : 'en',
        today: day,
        timeZone: localTimeZone(),
        includeSensitive,
      };
      const bytes = format === 'docx' ? await campaignReportDocx(input) : outreachCsv(input);
      const base = safeFileName(`${day} ${campaign.name}`);
      const result = await bridge.saveFile({
        suggestedName: format === 'docx' ? `${base}.docx` : `${base} outreach.csv`,
        bytes,
        filters:
          format === 'docx'
            ? [{ name: 'Word document', extensions: ['docx'] }]
            : [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (!result.ok) throw new IpcFailure(result.error);
      setOutcome(
        result.value.saved
          ? { ok: true, message: t('planner.report.saved', { fileName: result.value.fileName }) }
          : { ok: false, message: t('planner.targets.exportCancelled') },
      );
    } catch (error) {
      setOutcome({ ok: false, message: t('planner.report.failed', { reason: reasonOf(error) }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileExport size={16} aria-hidden />}
        onClick={() => setOpened(true)}
        data-testid="report-export"
      >
        {t('planner.targets.exportTitle')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          setOpened(false);
          setOutcome(null);
        }}
        title={t('planner.targets.exportTitle')}
        size="lg"
      >
        <Stack gap="sm">
          <PlainExportWarning />
          <Checkbox
            label={t('planner.targets.includeSensitive')}
            description={t('planner.targets.includeSensitiveHint')}
            checked={includeSensitive}
            onChange={(event) => setIncludeSensitive(event.currentTarget.checked)}
            data-testid="report-include-sensitive"
          />
          <Group>
            <Button
              leftSection={<IconFileText size={16} aria-hidden />}
              loading={busy === 'docx'}
              disabled={busy !== null}
              onClick={() => void save('docx')}
              data-testid="report-docx"
            >
              {t('planner.report.exportDocx')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              loading={busy === 'csv'}
              disabled={busy !== null}
              onClick={() => void save('csv')}
              data-testid="report-csv"
            >
              {t('planner.report.exportCsv')}
            </Button>
          </Group>
          <OutcomeNotice outcome={outcome} testId="report-outcome" />
        </Stack>
      </Modal>
    </>
  );
}
