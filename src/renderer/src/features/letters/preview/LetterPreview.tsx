import { Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkRecipients,
  renderLetter,
  validateTemplate,
  type LetterTemplate,
} from '@core/letters';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery, useStoreVersion } from '@renderer/app/data/use-store-query';
import { Notice } from '@renderer/ui/Notice';
import { recipientProblemText } from '../recipient-problems';
import { reasonOf } from '@renderer/lib/reason-of';
import { LetterPage } from './LetterPage';
import { recipientOptions, resolveRecipientOption } from './recipient-options';

const TABLES = ['campaigns', 'targets', 'contacts', 'organizations', 'settings'] as const;

/** The letter filled in for one chosen recipient, re-rendered ~150 ms after each keystroke. */
export function LetterPreview({
  template,
  initialRecipient,
  recipientLocked = false,
}: {
  template: LetterTemplate;
  /** An option value: 'contact:<id>' or 'target:<id>'. */
  initialRecipient?: string | undefined;
  /** Writing to one person: no recipient choice, no heading. */
  recipientLocked?: boolean;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<string | null>(initialRecipient ?? null);
  const [debounced] = useDebouncedValue(template, 150);

  const core = useDataCore();
  const version = useStoreVersion(TABLES);
  const options = useMemo(
    () => (recipientLocked ? [] : recipientOptions(core, t('writer.preview.contacts'))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, t, version, recipientLocked],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
  const chosen = useMemo(() => resolveRecipientOption(core, choice), [core, choice, version]);
  const settings = useStoreQuery(['settings'], (c) => c.settings.get());
  const [date] = useState(() => new Date());
  const result = useMemo(() => {
    if (!chosen) return undefined;
    if (validateTemplate(debounced).length) return { blocked: true as const };
    const data = { recipient: chosen.recipient, campaign: chosen.campaign, settings, date };
    try {
      return {
        letter: renderLetter(debounced, data),
        problems: checkRecipients(debounced, [chosen.recipient], data)[0]?.problems ?? [],
      };
    } catch (error) {
      return { error: reasonOf(error) };
    }
  }, [chosen, debounced, settings, date]);
  return (
    <Stack gap="sm" data-testid="letter-preview">
      {recipientLocked ? null : (
        <>
          <Title order={2} size="h4">
            {t('writer.preview.title')}
          </Title>
          <Select
            label={t('writer.preview.recipient')}
            placeholder={t('writer.preview.recipientPlaceholder')}
            data={options}
            value={choice}
            onChange={setChoice}
            searchable
            data-testid="preview-recipient"
          />
        </>
      )}
      {!result ? (
        <Text c="dimmed">{t('writer.preview.noRecipient')}</Text>
      ) : 'blocked' in result ? (
        <Text c="dimmed">{t('writer.preview.cannotRender')}</Text>
      ) : 'error' in result ? (
        <Notice tone="danger">{t('writer.preview.failed', { message: result.error ?? '' })}</Notice>
      ) : (
        <>
          {result.problems.length ? (
            <Notice tone="warning" data-testid="preview-recipient-problems">
              {result.problems.map((p) => (
                <div key={`${p.code}-${p.field ?? ''}`}>{recipientProblemText(t, p)}</div>
              ))}
            </Notice>
          ) : null}
          {chosen ? (
            <LetterPage
              letter={result.letter}
              recipient={chosen.recipient}
              settings={settings}
              date={date}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}
