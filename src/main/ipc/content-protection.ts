import { BrowserWindow } from 'electron';
import { IpcChannel } from '@shared/ipc';
import { contentProtectionSchema } from '@shared/ipc-schemas';
import { handleValidated, type SenderCheck } from './handle-validated';

/**
 * setContentProtection: asks the OS to leave the sender's window out of screenshots and screen
 * sharing (Windows and macOS; Linux compositors ignore it).
 */
export function registerContentProtection(isTrustedSender: SenderCheck): void {
  handleValidated(
    IpcChannel.setContentProtection,
    contentProtectionSchema,
    isTrustedSender,
    (enabled, event) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!window) throw new Error('The sender has no window');
      window.setContentProtection(enabled);
      return null;
    },
  );
}
