import { Button, FileButton } from '@mantine/core';
import { IconFileSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contactName } from '@core/domain/contact';
import { sha256Hex } from '@core/letters';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { formatNumber } from '@renderer/lib/format-number';
import { useAction, type Outcome } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';

/** Compares a chosen DOCX's SHA-256 with every recorded letter: which one it is, or none. */
export function CheckLetterFileButton() {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const { run, outcome } = useAction();
  /** What the file's hash says: which recorded letter it is, or none. */
  const verdict = (hash: string, name: string): Outcome => {
    // A combined DOCX holds many letters: every one of them records the file's hash.
    const matches = core.letters
      .all()
      .filter((l) => l.docxSha256 === hash)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const letter = matches[0];
    if (!letter) return { ok: false, message: t('writer.letters.checkDiffers', { name }) };
    const contact = core.contacts.get(letter.contactId);
    const recipient = contact ? contactName(contact) : t('writer.letters.unknownContact');
    return {
      ok: true,
      message:
        matches.length > 1
          ? t('writer.letters.checkMatchesBatch', {
              name,
              recipient,
              n: formatNumber(matches.length, i18n.language),
              count: matches.length,
            })
          : t('writer.letters.checkMatches', { name, recipient }),
    };
  };
  const check = async (file: File | null) => {
    if (!file) return;
    await run(async () => sha256Hex(new Uint8Array(await file.arrayBuffer())), {
      done: (hash) => verdict(hash, file.name),
      failed: () => t('writer.letters.checkUnreadable', { name: file.name }),
    });
  };
  return (
    <>
      <FileButton
        onChange={(file) => void check(file)}
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      >
        {(props) => (
          <Button
            {...props}
            variant="default"
            leftSection={<IconFileSearch size={16} />}
            data-testid="check-letter-file"
            title={t('writer.letters.checkHint')}
          >
            {t('writer.letters.checkFile')}
          </Button>
        )}
      </FileButton>
      <OutcomeNotice outcome={outcome} testId="check-letter-outcome" />
    </>
  );
}
