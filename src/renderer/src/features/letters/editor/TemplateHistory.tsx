import { List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '@core/domain/template';
import { formatNumber } from '@renderer/lib/format-number';
import { formattingLocale } from '@shared/i18n/languages';

/** The versions a template had: each save keeps the wording it replaced. */
export function TemplateHistory({ template }: { template: Template }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(formattingLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div data-testid="template-history">
      <Title order={3} size="h5" mb={4}>
        {t('writer.editor.history')}
      </Title>
      {template.history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('writer.editor.historyEmpty')}
        </Text>
      ) : (
        <List size="sm">
          {/* Two members saving one version concurrently both keep theirs: versions may repeat. */}
          {[...template.history].reverse().map((revision, index) => (
            <List.Item key={`${revision.version}-${index}`}>
              {t('writer.editor.historyItem', {
                version: formatNumber(revision.version, i18n.language),
                date: date.format(new Date(revision.savedAt)),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
