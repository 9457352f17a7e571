import { createTheme, Input, localStorageColorSchemeManager, type InputProps } from '@mantine/core';

// Latin glyphs from Noto Sans, Arabic from Noto Sans Arabic: both bundled, never fetched.
const fontFamily = "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif";

export const theme = createTheme({
  primaryColor: 'grape',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  cursorType: 'pointer',
  components: {
    // Every field Mantine draws goes through Input: no form history, no saved form state,
    // so what is typed is kept only in the sealed workspace.
    // Input renders the <input> and passes other props to it; its types do not list them.
    Input: Input.extend({ defaultProps: { autoComplete: 'off' } as Partial<InputProps> }),
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({
  key: 'tadamun.colorScheme',
});
