/**
 * A crashed or hung renderer: the user is told and can restart it. A restart loads the start
 * page again, which opens on the lock screen, so nothing of the data stays on screen.
 */
import { dialog, type BrowserWindow } from 'electron';
import { catalogues } from '@shared/i18n/catalogues';
import type { UiLanguage } from '@shared/i18n/languages';

export interface RendererHealthOptions {
  startUrl: string;
  language: () => UiLanguage;
  quit: () => void;
}

export function watchRendererHealth(window: BrowserWindow, options: RendererHealthOptions): void {
  const texts = () => catalogues[options.language()].shell;
  const restart = () => {
    if (!window.isDestroyed()) void window.loadURL(options.startUrl);
  };

  window.webContents.on('render-process-gone', (_event, details: { reason: string }) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const t = texts();
    void dialog
      .showMessageBox(window, {
        type: 'error',
        title: t.crashedTitle,
        message: t.crashedMessage,
        buttons: [t.restart, t.quit],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => (response === 0 ? restart() : options.quit()));
  });

  let asking = false;
  window.on('unresponsive', () => {
    if (asking || window.isDestroyed()) return;
    asking = true;
    const t = texts();
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        title: t.hungTitle,
        message: t.hungMessage,
        buttons: [t.restart, t.wait],
        defaultId: 1,
        cancelId: 1,
      })
      .then(({ response }) => {
        asking = false;
        if (response !== 0 || window.isDestroyed()) return;
        window.webContents.forcefullyCrashRenderer();
        restart();
      });
  });
}
