import { beforeEach, describe, expect, it } from 'vitest';
import { createMainWindow, secureWebPreferences } from '@main/window';
import type { BrowserWindow } from '../../helpers/electron-double';
import { resetElectronDouble } from '../../helpers/electron-double';

describe('main window', () => {
  beforeEach(resetElectronDouble);

  it('isolates and sandboxes the renderer with no Node access', () => {
    const window = createMainWindow({
      preloadPath: '/app/out/preload/index.js',
      startUrl: 'app://tadamun/index.html',
    }) as unknown as BrowserWindow;
    expect(window.options['webPreferences']).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(window.loadedUrl).toBe('app://tadamun/index.html');
  });

  it('stays hidden until the first paint is ready, then shows', () => {
    const window = createMainWindow({
      preloadPath: 'p',
      startUrl: 'u',
    }) as unknown as BrowserWindow;
    expect(window.options['show']).toBe(false);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('never turns any protection off, whatever the preload path', () => {
    const prefs = secureWebPreferences('x');
    const risky = [
      'nodeIntegration',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'webviewTag',
    ];
    for (const key of risky) expect(prefs[key as keyof typeof prefs], key).toBe(false);
  });
});
