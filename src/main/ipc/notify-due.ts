import { IpcChannel } from '@shared/ipc';
import { notifyDueRequestSchema } from '@shared/ipc-schemas';
import { showDueNotification } from '../notifications';
import { handleValidated, type SenderCheck } from './handle-validated';

/** notifyDue: a silent desktop notification; clicking it brings the window back. */
export function registerNotifyDue(isTrustedSender: SenderCheck, onClick: () => void): void {
  handleValidated(IpcChannel.notifyDue, notifyDueRequestSchema, isTrustedSender, (request) => {
    showDueNotification(request, onClick);
    return null;
  });
}
