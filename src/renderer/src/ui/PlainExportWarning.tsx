/** The one line every plain export (CSV, vCard, DOCX, reports) shows before it writes a file. */
import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';

export function PlainExportWarning() {
  const { t } = useTranslation();
  return (
    <Notice tone="warning" p="xs" data-testid="plain-export-warning">
      {t('transfer.plainExportWarning')}
    </Notice>
  );
}
