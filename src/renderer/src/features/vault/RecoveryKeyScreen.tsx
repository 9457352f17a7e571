import { Button, Checkbox, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '@renderer/lib/clipboard';
import { GateScreen } from './GateScreen';
import { Notice } from '../../ui/Notice';

function halves(key: string): string[] {
  const groups = key.split('-');
  const middle = Math.ceil(groups.length / 2);
  return [groups.slice(0, middle).join('-'), groups.slice(middle).join('-')].filter(Boolean);
}

/**
 * Shown once, right after setup or a change of key: the recovery key, to be written down or
 * stored elsewhere. `replaced`: a key rotation made it, and the old one opens nothing now.
 */
export function RecoveryKeyScreen({
  recoveryKey,
  onContinue,
  replaced = false,
}: {
  recoveryKey: string;
  onContinue: () => void;
  replaced?: boolean;
}) {
  return (
    <GateScreen testId="recovery-key-screen" width={560}>
      <RecoveryKeyPanel recoveryKey={recoveryKey} onContinue={onContinue} replaced={replaced} />
    </GateScreen>
  );
}

/** The recovery key with its copy button and the "I have stored it" step. */
export function RecoveryKeyPanel({
  recoveryKey,
  onContinue,
  replaced,
  headingOrder = 1,
}: {
  recoveryKey: string;
  onContinue: () => void;
  replaced: boolean;
  /** 1 on its own screen; lower inside a page (Settings). */
  headingOrder?: 1 | 3;
}) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <Stack gap="md" data-testid="recovery-key-panel">
      <div>
        <Title
          order={headingOrder}
          size={headingOrder === 1 ? 'h2' : 'h4'}
          mb="xs"
          data-testid={headingOrder === 1 ? 'gate-title' : undefined}
        >
          {t('vault.recoveryKey.title')}
        </Title>
        <Text>
          {t(replaced ? 'vault.rotation.newRecoveryKeyIntro' : 'vault.recoveryKey.intro')}
        </Text>
      </div>
      <Code
        block
        dir="ltr"
        fz={{ base: 'md', sm: 'lg' }}
        fw={600}
        ta="center"
        py="md"
        lh={1.8}
        style={{ letterSpacing: '0.08em', userSelect: 'all' }}
        data-testid="recovery-key"
      >
        {/* Two lines of four groups: easier to copy onto paper, and never cut mid-group. */}
        {halves(recoveryKey).map((half) => (
          <span key={half} style={{ display: 'block' }}>
            {half}
          </span>
        ))}
      </Code>
      <Group justify="flex-end">
        <Button
          variant="light"
          color={copied ? 'teal' : undefined}
          leftSection={
            copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
          }
          onClick={() => setCopied(copyText(recoveryKey))}
          data-testid="recovery-key-copy"
        >
          {copied ? t('vault.recoveryKey.copied') : t('vault.recoveryKey.copy')}
        </Button>
      </Group>
      <Notice tone="warning">{t('vault.recoveryKey.warning')}</Notice>
      <Checkbox
        checked={stored}
        onChange={(event) => setStored(event.currentTarget.checked)}
        label={t('vault.recoveryKey.stored')}
        data-testid="recovery-key-stored"
      />
      <Button size="md" disabled={!stored} onClick={onContinue} data-testid="recovery-key-continue">
        {t('vault.recoveryKey.continue')}
      </Button>
    </Stack>
  );
}
