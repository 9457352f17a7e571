import { Button, Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useAction } from '@renderer/lib/use-action';
import { Notice } from '../../ui/Notice';

/** Offered while the workspace is empty: one click fills it with fictional sample data. */
export function DemoWorkspaceOffer() {
  const { t } = useTranslation();
  const core = useDataCore();
  const { run, busy, outcome } = useAction();

  // The sample data is loaded with its code, on the click: most workspaces never need it.
  const load = () =>
    run(
      async () => {
        const { loadDemoWorkspace } = await import('@core/demo');
        return loadDemoWorkspace(core, { now: new Date() });
      },
      { failed: (reason) => reason },
    );

  return (
    <Card withBorder radius="lg" p="xl" mb="xl" data-testid="demo-offer">
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <ThemeIcon size={48} radius="xl" variant="light" color="grape">
          <IconSparkles size={26} stroke={1.6} aria-hidden />
        </ThemeIcon>
        <div>
          <Title order={2} size="h4" mb={6}>
            {t('pages.dashboard.demoTitle')}
          </Title>
          <Text maw={720} mb="md">
            {t('pages.dashboard.demoBody')}
          </Text>
          <Button onClick={() => void load()} loading={busy} data-testid="demo-load">
            {t('pages.dashboard.demoLoad')}
          </Button>
          <Text size="sm" c="dimmed" mt="sm">
            {t('pages.dashboard.demoEmptyHint')}
          </Text>
          {outcome && (
            <Notice
              mt="md"
              tone="danger"

              title={t('pages.dashboard.demoFailed')}
              data-testid="demo-failed"
            >
              {outcome.message}
            </Notice>
          )}
        </div>
      </Group>
    </Card>
  );
}
