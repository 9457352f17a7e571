/** The native menu (File, Edit, View, Help), labelled in the UI language. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { catalogues } from '@shared/i18n/catalogues';
import type { UiLanguage } from '@shared/i18n/languages';
import type { AppRoute } from '@shared/ipc';

export interface MenuActions {
  navigate(route: AppRoute): void;
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
          label: m.preferences,
          accelerator: 'CmdOrCtrl+,',
          click: () => actions.navigate('settings'),
        },
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
      ],
    },
    { label: m.view, submenu: view },
    { label: m.help, submenu: [{ label: m.about, click: () => actions.showAbout() }] },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
