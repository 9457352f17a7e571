/**
 * Desktop notifications about what is due. Electron's Notification is the system's own
 * notification service: nothing goes over the network. Notifications are silent (a chime at
 * the wrong moment can out someone) and their text names no one (see NotifyDueRequest).
 */
import { Notification } from 'electron';
import type { NotifyDueRequest } from '@shared/ipc';

/** Shown notifications are kept until closed: some platforms drop them when collected. */
const live = new Set<Notification>();

/** Shows the notification; false where the system has no notifications. */
export function showDueNotification(request: NotifyDueRequest, onClick: () => void): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({
    title: request.title,
    body: request.body,
    silent: true,
  });
  live.add(notification);
  notification.on('click', () => {
    live.delete(notification);
    onClick();
  });
  notification.on('close', () => live.delete(notification));
  notification.show();
  return true;
}
