import { Box, Center, Code, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UnsupportedFormatError } from '@core/db/record-store';
import { LanguageSwitch } from '@renderer/ui/LanguageSwitch';
import { Logo } from '@renderer/ui/Logo';
import { reasonOf } from '@renderer/lib/reason-of';
import { Notice } from '../../ui/Notice';

/**
 * The frame of the screens shown before the workspace is open: the app's name, a language
 * switch, one card. Nothing here reads the workspace.
 */
export function GateScreen({
  children,
  width = 520,
  testId,
}: {
  children: ReactNode;
  width?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" p={{ base: 'md', sm: 'xl' }} className="gate-backdrop">
      <Stack maw={width} mx="auto" gap="lg" pt={{ base: 'md', sm: 48 }} pb="xl">
        <Group justify="space-between" wrap="nowrap" gap="md" align="flex-start">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Logo size={40} />
            <div style={{ minWidth: 0 }}>
              <Text fw={700} size="lg" lh={1.1}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.3}>
                {t('app.offlineHint')}
              </Text>
            </div>
          </Group>
          <LanguageSwitch
            size="xs"
            aria-label={t('vault.languageLabel')}
            data-testid="gate-language"
            style={{ flexShrink: 0 }}
          />
        </Group>
        <Paper
          withBorder
          radius="lg"
          p={{ base: 'lg', sm: 'xl' }}
          shadow="sm"
          component="main"
          data-testid={testId}
        >
          {children}
        </Paper>
      </Stack>
    </Box>
  );
}

export function GateWaiting({ label }: { label: string }) {
  return (
    <Center h="100vh" data-testid="gate-waiting">
      <Stack align="center" gap="sm">
        <Loader />
        <Text c="dimmed">{label}</Text>
      </Stack>
    </Center>
  );
}

export function GateFailure({ error, erasing }: { error: unknown; erasing: boolean }) {
  const { t } = useTranslation();
  const title = erasing
    ? t('security.eraseFailed', { reason: reasonOf(error) })
    : t('workspace.openFailed');
  return (
    <Center mih="100vh" p="xl">
      <Notice
        tone="danger"

        title={title}
        maw={640}
        data-testid="workspace-error"
      >
        {!erasing && (
          <Text mb="sm">
            {error instanceof UnsupportedFormatError
              ? t('workspace.newerVersion')
              : t('workspace.openFailedHint')}
          </Text>
        )}
        <Code block>{reasonOf(error)}</Code>
      </Notice>
    </Center>
  );
}
