import { Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '@core/domain/campaign';
import { safeFileName } from '@core/files/safe-file-name';
import { campaignReportDocx, outreachCsv, type CampaignReportInput } from '@core/reports';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { bridge } from '@renderer/lib/bridge';
import { localTimeZone, today } from '@renderer/lib/local-time';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { PlainExportWarning } from '@renderer/ui/PlainExportWarning';
import { unwrap } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';

type Format = 'docx' | 'csv';

/** The campaign report (DOCX) and the outreach log (CSV), after the plain-export warning. */
export function ReportExport({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const [opened, setOpened] = useState(false);
  const [includeSensitive, setIncludeSensitive] = useState(false);
  const saving = useAction();
  /** The file being saved, whose button shows that it is busy. */
  const [saved, setSaved] = useState<Format>('docx');
  const busy = saving.busy ? saved : null;

  const save = (format: Format) => {
    setSaved(format);
    return saving.run(
      async () => {
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
        const base =
          format === 'docx' ? `${day} ${campaign.name}` : `${day} ${campaign.name} outreach`;
        const result = await bridge.saveFile({
          suggestedName: safeFileName(base, format, 'Tadamun'),
          bytes,
          filters: [{ name: t(`common.fileTypes.${format}`), extensions: [format] }],
        });
        return unwrap(result);
      },
      {
        done: (saved) =>
          saved.saved
            ? { ok: true, message: t('planner.report.saved', { fileName: saved.fileName }) }
            : { ok: false, message: t('planner.targets.exportCancelled') },
        failed: (reason) => t('planner.report.failed', { reason }),
      },
    );
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
          saving.clear();
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
          <OutcomeNotice outcome={saving.outcome} testId="report-outcome" />
        </Stack>
      </Modal>
    </>
  );
}
