import { ar } from './ar';
import { en, type Catalogue } from './en';
import type { UiLanguage } from './languages';

export const catalogues: Record<UiLanguage, Catalogue> = { en, ar };

/** Interpolates `{{name}}` placeholders: for the main process, which has no i18next. */
export function formatMessage(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
