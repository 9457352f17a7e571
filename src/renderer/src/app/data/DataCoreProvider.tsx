import { Alert, Center, Code, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UnsupportedFormatError } from '@core/db/record-store';
import type { DataCore } from '@core/db/data-core';
import { DataCoreContext } from './data-core-context';
import { openWorkspace } from './open-workspace';

type State = { core: DataCore } | { error: unknown } | null;

/** Opens the workspace (database, records, search) before the app shows any data. */
export function DataCoreProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>(null);
  useEffect(() => {
    let live = true;
    openWorkspace().then(
      (core) => live && setState({ core }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (state === null) {
    return (
      <Center h="100vh" data-testid="workspace-opening">
        <Stack align="center" gap="sm">
          <Loader />
          <Text c="dimmed">{t('workspace.opening')}</Text>
        </Stack>
      </Center>
    );
  }
  if ('error' in state) {
    return (
      <Center h="100vh" p="xl">
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('workspace.openFailed')}
          maw={640}
          data-testid="workspace-error"
        >
          <Text mb="sm">
            {state.error instanceof UnsupportedFormatError
              ? t('workspace.newerVersion')
              : t('workspace.openFailedHint')}
          </Text>
          <Code block>{String(state.error)}</Code>
        </Alert>
      </Center>
    );
  }
  return <DataCoreContext.Provider value={state.core}>{children}</DataCoreContext.Provider>;
}
