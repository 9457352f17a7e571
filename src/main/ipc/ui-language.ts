import type { UiLanguage } from '@shared/i18n/languages';
import { IpcChannel } from '@shared/ipc';
import { uiLanguageSchema } from '@shared/ipc-schemas';
import { handleValidated, type SenderCheck } from './handle-validated';

/** setUiLanguage: the renderer tells main its language, so menus and dialogs follow it. */
export function registerUiLanguage(
  isTrustedSender: SenderCheck,
  onChange: (language: UiLanguage) => void,
): void {
  handleValidated(IpcChannel.setUiLanguage, uiLanguageSchema, isTrustedSender, (language) => {
    onChange(language);
    return null;
  });
}
