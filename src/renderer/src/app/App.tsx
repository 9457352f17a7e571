import { DirectionProvider, MantineProvider } from '@mantine/core';
import { RouterProvider } from 'react-router';
import { directionOf } from '@shared/i18n/languages';
import { DataCoreProvider } from './data/DataCoreProvider';
import { currentLanguage } from './i18n';
import { router } from './router';
import { colorSchemeManager, theme } from './theme';

export function App() {
  return (
    <DirectionProvider initialDirection={directionOf(currentLanguage())} detectDirection={false}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="auto"
        colorSchemeManager={colorSchemeManager}
      >
        <DataCoreProvider>
          <RouterProvider router={router} />
        </DataCoreProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
