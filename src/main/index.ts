/**
 * Tadamun's main process: one secure window, the native menu, purpose-named IPC, and locking
 * when the system sleeps or locks its screen.
 */
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, session } from 'electron';
import { catalogues, formatMessage } from '@shared/i18n/catalogues';
import { pickUiLanguage, type UiLanguage } from '@shared/i18n/languages';
import { IpcChannel, type AppRoute, type MenuCommand } from '@shared/ipc';
import { RENDERER_JS_FLAGS } from '@shared/renderer-engine';
import { registerClearClipboard } from './ipc/clipboard';
import { registerCoalitionFetch } from './ipc/coalition-fetch';
import { registerContentProtection } from './ipc/content-protection';
import { argon2idPool } from './argon2id-pool';
import { registerDeriveArgon2id } from './ipc/derive-argon2id';
import { registerEraseAppStorage } from './ipc/erase-app-storage';
import { senderFromOrigins } from './ipc/handle-validated';
import { registerHideWindow } from './ipc/hide-window';
import { registerKeyFile } from './ipc/key-file';
import { registerNotifyDue } from './ipc/notify-due';
import { registerSaveFile } from './ipc/save-file';
import { registerUiLanguage } from './ipc/ui-language';
import { debugSwitchesIn } from './debug-switches';
import { keyFileKeeper, keyFilePath } from './key-file';
import { createPanicAction, lockOnSystemEvents, sendToAllWindows } from './lock';
import { installMenu } from './menu';
import { APP_ORIGIN, APP_START_URL, handleAppProtocol, registerAppScheme } from './protocol';
import { hardenApp, hardenSession } from './security';
import { watchRendererHealth } from './renderer-health';
import { createMainWindow } from './window';

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const allowedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

let mainWindow: BrowserWindow | null = null;
let language: UiLanguage = 'en';
const panicAction = createPanicAction();

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(IpcChannel.menuCommand, command);
}

function refreshMenu(): void {
  installMenu({
    language,
    isDevelopment: !app.isPackaged,
    actions: {
      navigate: (route: AppRoute) => sendMenuCommand({ type: 'navigate', route }),
      newCampaign: () => sendMenuCommand({ type: 'new-campaign' }),
      logInteraction: () => sendMenuCommand({ type: 'log-interaction' }),
      focusSearch: () => sendMenuCommand({ type: 'focus-search' }),
      lock: () => sendToAllWindows({ type: 'lock', reason: 'user' }),
      panic: () => panicAction.panic(),
      showAbout: () => {
        const m = catalogues[language].menu;
        const options = {
          type: 'info' as const,
          title: m.about,
          message: catalogues[language].app.name,
          detail: formatMessage(m.aboutDetail, { version: app.getVersion() }),
          buttons: [m.ok],
        };
        void (mainWindow
          ? dialog.showMessageBox(mainWindow, options)
          : dialog.showMessageBox(options));
      },
      quit: () => app.quit(),
    },
  });
}

function start(): void {
  const debugSwitches = app.isPackaged ? debugSwitchesIn(process.argv) : [];
  if (debugSwitches.length > 0) {
    process.stderr.write(`Tadamun does not start with --${debugSwitches.join(', --')}.\n`);
    app.exit(1);
    return;
  }
  app.enableSandbox();
  app.commandLine.appendSwitch('js-flags', RENDERER_JS_FLAGS);
  registerAppScheme();
  hardenApp(app);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    language = pickUiLanguage(app.getPreferredSystemLanguages());
    hardenSession(session.defaultSession, { allowedOrigins });
    handleAppProtocol(path.join(__dirname, '../renderer'));
    const isTrustedSender = senderFromOrigins(allowedOrigins);
    registerSaveFile(isTrustedSender);
    registerHideWindow(isTrustedSender, () => panicAction.hidden());
    const { clearOnQuit } = registerClearClipboard(isTrustedSender);
    app.on('will-quit', clearOnQuit);
    const keyFile = keyFileKeeper(keyFilePath(app.getPath('userData')));
    registerKeyFile(isTrustedSender, keyFile);
    registerEraseAppStorage(isTrustedSender, keyFile);
    registerContentProtection(isTrustedSender);
    registerDeriveArgon2id(
      isTrustedSender,
      argon2idPool({ workerPath: path.join(__dirname, 'argon2id-worker.js') }),
    );
    registerCoalitionFetch(isTrustedSender);
    registerNotifyDue(isTrustedSender, () => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    registerUiLanguage(isTrustedSender, (next) => {
      language = next;
      refreshMenu();
    });
    refreshMenu();
    lockOnSystemEvents();
    mainWindow = createMainWindow({
      preloadPath: path.join(__dirname, '../preload/index.js'),
      startUrl: devServerUrl ?? APP_START_URL,
      iconPath: path.join(__dirname, '../../resources/icon.png'),
    });
    watchRendererHealth(mainWindow, {
      startUrl: devServerUrl ?? APP_START_URL,
      language: () => language,
      quit: () => app.quit(),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}

start();
