import { useTranslation } from 'react-i18next';
import { GenerateLettersButton } from './generate/GenerateLettersButton';

/** "Write a letter" to one contact (as a target of the campaign when it is one). */
export function WriteLetterButton({
  contactId,
  campaignId,
}: {
  contactId: string;
  campaignId?: string;
}) {
  const { t } = useTranslation();
  return (
    <GenerateLettersButton
      contactId={contactId}
      campaignId={campaignId}
      label={t('writer.write.button')}
      variant="light"
      testId="write-letter"
    />
  );
}
