/** The native menu (File, Edit, View, Help), labelled in the UI language. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { catalogues } from '@shared/i18n/catalogues';
import type { UiLanguage } from '@shared/i18n/languages';
import type { AppRoute } from '@shared/ipc';

/** Locks Tadamun (the renderer shows its lock screen). */
export const LOCK_ACCELERATOR = 'CmdOrCtrl+L';
/**
 * Hide and lock (panic). The renderer matches the same keys (src/renderer/src/app/session/
 * shortcuts.ts), so they also work in the browser build: change both together. Clashes with
 * nothing in the app or the systems it runs on: not a system-wide shortcut on macOS (where
 * Cmd+Shift+Q logs out and Cmd+Shift+3/4/5 take screenshots), Windows (Ctrl+Shift+Esc opens the
 * Task Manager) or Linux desktops (Ctrl+Shift+U types Unicode), not an editing shortcut
 * (Ctrl+Shift+Z redo, Ctrl+Shift+V paste as text), not one of Electron's roles (Ctrl+Shift+I
 * developer tools). A rich-text editor added later must not bind it (TipTap's highlight does).
 */
export const PANIC_ACCELERATOR = 'CmdOrCtrl+Shift+H';

/** The planner's shortcuts; the renderer acts on the MenuCommands they send. */
export const NEW_CAMPAIGN_ACCELERATOR = 'CmdOrCtrl+N';
export const LOG_INTERACTION_ACCELERATOR = 'CmdOrCtrl+I';
export const FIND_ACCELERATOR = 'CmdOrCtrl+F';

export interface MenuActions {
  navigate(route: AppRoute): void;
  /** MenuCommand { type: 'new-campaign' }. */
  newCampaign(): void;
  /** MenuCommand { type: 'log-interaction' }: the log-interaction dialog. */
  logInteraction(): void;
  /** MenuCommand { type: 'focus-search' }: the search field of the screen shown. */
  focusSearch(): void;
  /** Lock now: MenuCommand { type: 'lock', reason: 'user' }. */
  lock(): void;
  /** Hide and lock: MenuCommand { type: 'panic' }. */
  panic(): void;
  showAbout(): void;
  quit(): void;
}

export interface MenuOptions {
  language: UiLanguage;
  isDevelopment: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const m = catalogues[options.language].menu;
  const { actions } = options;
  const view: MenuItemConstructorOptions[] = [
    { label: m.resetZoom, role: 'resetZoom' },
    { label: m.zoomIn, role: 'zoomIn' },
    { label: m.zoomOut, role: 'zoomOut' },
    { type: 'separator' },
    { label: m.toggleFullscreen, role: 'togglefullscreen' },
  ];
  if (options.isDevelopment) view.push({ label: m.toggleDevTools, role: 'toggleDevTools' });
  return [
    {
      label: m.file,
      submenu: [
        {
          label: m.newCampaign,
          accelerator: NEW_CAMPAIGN_ACCELERATOR,
          click: () => actions.newCampaign(),
        },
        {
          label: m.logInteraction,
          accelerator: LOG_INTERACTION_ACCELERATOR,
          click: () => actions.logInteraction(),
        },
        { type: 'separator' },
        {
          label: m.preferences,
          accelerator: 'CmdOrCtrl+,',
          click: () => actions.navigate('settings'),
        },
        { type: 'separator' },
        { label: m.lock, accelerator: LOCK_ACCELERATOR, click: () => actions.lock() },
        { label: m.hideAndLock, accelerator: PANIC_ACCELERATOR, click: () => actions.panic() },
        { type: 'separator' },
        { label: m.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        { type: 'separator' },
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
        { type: 'separator' },
        { label: m.find, accelerator: FIND_ACCELERATOR, click: () => actions.focusSearch() },
      ],
    },
    { label: m.view, submenu: view },
    { label: m.help, submenu: [{ label: m.about, click: () => actions.showAbout() }] },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
