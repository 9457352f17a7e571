import { BrowserWindow } from 'electron';
import { IpcChannel } from '@shared/ipc';
import { noPayloadSchema } from '@shared/ipc-schemas';
import { hideFromScreen } from '../lock';
import { handleValidated, type SenderCheck } from './handle-validated';

/** hideWindow: takes the sender's own window off the screen (the panic action's last step). */
export function registerHideWindow(
  isTrustedSender: SenderCheck,
  onHidden: () => void = () => undefined,
  platform: NodeJS.Platform = process.platform,
): void {
  handleValidated(IpcChannel.hideWindow, noPayloadSchema, isTrustedSender, (_none, event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!window) throw new Error('The sender has no window');
    hideFromScreen(window, platform);
    onHidden();
    return null;
  });
}
