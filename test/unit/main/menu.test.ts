import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogues } from '@shared/i18n/catalogues';
import { buildMenuTemplate, installMenu, LOCK_ACCELERATOR, PANIC_ACCELERATOR } from '@main/menu';
import { Menu, resetElectronDouble } from '../../helpers/electron-double';

const actions = () => ({
  navigate: vi.fn(),
  newCampaign: vi.fn(),
  logInteraction: vi.fn(),
  focusSearch: vi.fn(),
  lock: vi.fn(),
  panic: vi.fn(),
  showAbout: vi.fn(),
  quit: vi.fn(),
});

function labels(items: MenuItemConstructorOptions[]): string[] {
  return flatten(items).flatMap((item) => (item.label ? [item.label] : []));
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = flatten(items).find((item) => item.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

describe('native menu', () => {
  beforeEach(resetElectronDouble);

  it('has File, Edit, View and Help in English', () => {
    const menu = buildMenuTemplate({ language: 'en', isDevelopment: false, actions: actions() });
    expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('labels every item in Arabic when the UI is Arabic', () => {
    const menu = buildMenuTemplate({ language: 'ar', isDevelopment: false, actions: actions() });
    expect(menu.map((item) => item.label)).toEqual(['ملف', 'تحرير', 'عرض', 'مساعدة']);
    const englishLabels = new Set(Object.values(catalogues.en.menu));
    for (const label of labels(menu)) expect(englishLabels.has(label), label).toBe(false);
  });

  it('offers developer tools only in development', () => {
    const dev = labels(
      buildMenuTemplate({ language: 'en', isDevelopment: true, actions: actions() }),
    );
    const prod = labels(
      buildMenuTemplate({ language: 'en', isDevelopment: false, actions: actions() }),
    );
    expect(dev).toContain('Toggle Developer Tools');
    expect(prod).not.toContain('Toggle Developer Tools');
  });

  it('routes Settings, About and Quit to their actions', () => {
    const a = actions();
    const menu = buildMenuTemplate({ language: 'en', isDevelopment: false, actions: a });
    const click = (label: string) => (find(menu, label).click as () => void)();
    click('Settings…');
    click('About Tadamun');
    click('Quit Tadamun');
    expect(a.navigate).toHaveBeenCalledWith('settings');
    expect(a.showAbout).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
  });

  it('offers Lock and Hide and Lock in File, with their shortcuts, in both languages', () => {
    for (const language of ['en', 'ar'] as const) {
      const m = catalogues[language].menu;
      const a = actions();
      const menu = buildMenuTemplate({ language, isDevelopment: false, actions: a });
      const file = menu[0]?.submenu as MenuItemConstructorOptions[];
      const lock = find(file, m.lock);
      const panic = find(file, m.hideAndLock);
      expect(lock.accelerator).toBe('CmdOrCtrl+L');
      expect(panic.accelerator).toBe('CmdOrCtrl+Shift+H');
      (lock.click as () => void)();
      expect(a.lock).toHaveBeenCalledOnce();
      expect(a.panic).not.toHaveBeenCalled();
      (panic.click as () => void)();
      expect(a.panic).toHaveBeenCalledOnce();
    }
    expect(catalogues.ar.menu.lock).toBe('قفل تضامن');
    expect(catalogues.ar.menu.hideAndLock).toBe('إخفاء وقفل');
    expect(catalogues.en.menu.lock).toBe('Lock Tadamun');
    expect(catalogues.en.menu.hideAndLock).toBe('Hide and Lock');
  });

  it('offers New Campaign, Log Interaction and Find with their shortcuts, in both languages', () => {
    for (const language of ['en', 'ar'] as const) {
      const m = catalogues[language].menu;
      const a = actions();
      const menu = buildMenuTemplate({ language, isDevelopment: false, actions: a });
      const [file = [], edit = []] = [menu[0]?.submenu, menu[1]?.submenu] as
        MenuItemConstructorOptions[][] | undefined[];
      const items = [
        [find(file, m.newCampaign), 'CmdOrCtrl+N', a.newCampaign],
        [find(file, m.logInteraction), 'CmdOrCtrl+I', a.logInteraction],
        [find(edit, m.find), 'CmdOrCtrl+F', a.focusSearch],
      ] as const;
      for (const [item, accelerator, action] of items) {
        expect(item.accelerator).toBe(accelerator);
        expect(action).not.toHaveBeenCalled();
        (item.click as () => void)();
        expect(action).toHaveBeenCalledOnce();
      }
      expect(a.navigate).not.toHaveBeenCalled();
    }
    expect(catalogues.en.menu.newCampaign).toBe('New Campaign');
    expect(catalogues.ar.menu.newCampaign).toBe('حملة جديدة');
  });

  it('gives every shortcut to one item only, counting the roles’ own shortcuts', () => {
    // Electron's default accelerators for the roles the menu uses (Windows/Linux and macOS).
    const roleAccelerators: Record<string, string[]> = {
      undo: ['CmdOrCtrl+Z'],
      redo: ['Shift+CmdOrCtrl+Z', 'Control+Y'],
      cut: ['CmdOrCtrl+X'],
      copy: ['CmdOrCtrl+C'],
      paste: ['CmdOrCtrl+V'],
      selectAll: ['CmdOrCtrl+A'],
      resetZoom: ['CmdOrCtrl+0'],
      zoomIn: ['CmdOrCtrl+Plus'],
      zoomOut: ['CmdOrCtrl+-'],
      togglefullscreen: ['F11', 'Control+Command+F'],
      toggleDevTools: ['Shift+CmdOrCtrl+I', 'Alt+Command+I'],
    };
    const normalize = (accelerator: string) =>
      accelerator
        .split('+')
        .map((key) => key.toLowerCase())
        .sort()
        .join('+');
    const menu = buildMenuTemplate({ language: 'en', isDevelopment: true, actions: actions() });
    const accelerators = flatten(menu)
      .flatMap((item) => [
        ...(item.accelerator ? [String(item.accelerator)] : []),
        ...(item.role ? (roleAccelerators[item.role] ?? []) : []),
      ])
      .map(normalize);
    expect(accelerators).toContain(normalize(LOCK_ACCELERATOR));
    expect(accelerators).toContain(normalize(PANIC_ACCELERATOR));
    for (const keys of ['CmdOrCtrl+N', 'CmdOrCtrl+I', 'CmdOrCtrl+F']) {
      expect(accelerators).toContain(normalize(keys));
    }
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('installs the menu as the application menu', () => {
    installMenu({ language: 'ar', isDevelopment: false, actions: actions() });
    const installed = Menu.applicationMenu as { template: MenuItemConstructorOptions[] };
    expect(installed.template[0]?.label).toBe('ملف');
  });
});
