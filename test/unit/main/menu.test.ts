import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogues } from '../../../src/shared/i18n/catalogues';
import { buildMenuTemplate, installMenu } from '../../../src/main/menu';
import { Menu, resetElectronDouble } from '../../helpers/electron-double';

const actions = () => ({ navigate: vi.fn(), showAbout: vi.fn(), quit: vi.fn() });

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

  it('installs the menu as the application menu', () => {
    installMenu({ language: 'ar', isDevelopment: false, actions: actions() });
    const installed = Menu.applicationMenu as { template: MenuItemConstructorOptions[] };
    expect(installed.template[0]?.label).toBe('ملف');
  });
});
