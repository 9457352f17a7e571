import { DirectionProvider, MantineProvider } from '@mantine/core';
import { directionOf } from '@shared/i18n/languages';
import { currentLanguage } from './i18n';
import { VaultGate } from './session/VaultGate';
import { colorSchemeManager, theme } from './theme';

export function App() {
  return (
    <DirectionProvider initialDirection={directionOf(currentLanguage())} detectDirection={false}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="auto"
        colorSchemeManager={colorSchemeManager}
      >
        <VaultGate />
      </MantineProvider>
    </DirectionProvider>
  );
}
