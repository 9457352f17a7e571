import { Button, Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDemoWorkspace } from '@core/demo';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { Notice } from '../../ui/Notice';

/** Offered while the workspace is empty: one click fills it with fictional sample data. */
export function DemoWorkspaceOffer() {
  const { t } = useTranslation();
  const core = useDataCore();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<unknown>();

  async function load() {
    setLoading(true);
    setFailed(undefined);
    try {
      await loadDemoWorkspace(core, { now: new Date() });
    } catch (error) {
      setFailed(error);
    } finally {
      setLoading(false);
    }
  }

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
          <Button onClick={() => void load()} loading={loading} data-testid="demo-load">
            {t('pages.dashboard.demoLoad')}
          </Button>
          <Text size="sm" c="dimmed" mt="sm">
            {t('pages.dashboard.demoEmptyHint')}
          </Text>
          {failed !== undefined && (
            <Notice
              mt="md"
              tone="danger"

              title={t('pages.dashboard.demoFailed')}
              data-testid="demo-failed"
            >
              {String(failed)}
            </Notice>
          )}
        </div>
      </Group>
    </Card>
  );
}
