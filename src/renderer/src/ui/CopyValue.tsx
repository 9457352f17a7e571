import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '@renderer/lib/clipboard';

/**
 * Copies `value`; the clipboard module remembers what it copied, so a lock or a panic can
 * clear it. (The app opens no links and no mail program: values are shown as text.)
 */
export function CopyButton({ value, name }: { value: string; name: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Tooltip label={copied ? t('contactBook.detail.copied') : t('contactBook.detail.copyHint')}>
      <ActionIcon
        variant="subtle"
        size="sm"
        color={copied ? 'teal' : 'gray'}
        aria-label={`${t('contactBook.detail.copy')}: ${name}`}
        onClick={() => setCopied(copyText(value))}
        data-testid="copy-button"
      >
        {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}

/** A value shown as text, its label, and a copy button. */
export function CopyValue({ value, label }: { value: string; label?: string }) {
  return (
    <Group gap={6} wrap="nowrap" data-testid="copy-value">
      <Text size="sm" dir="ltr" style={{ unicodeBidi: 'isolate', overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      {label && (
        <Text size="xs" c="dimmed" dir="auto">
          {label}
        </Text>
      )}
      <CopyButton value={value} name={value} />
    </Group>
  );
}
