import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let config: Configuration;

beforeAll(async () => {
  // Loaded and validated the way `electron-builder` itself does it.
  config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
});

describe('packaging (electron-builder.yml)', () => {
  it('flips every Electron fuse the secure way', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('decides on every fuse electron-builder knows (a new one needs a decision here)', () => {
    const fuseNames = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(fuseNames.length).toBeGreaterThanOrEqual(8);
    for (const name of fuseNames) {
      const option = `${name[0]?.toLowerCase()}${name.slice(1)}`;
      expect(config.electronFuses, option).toHaveProperty(option);
    }
  });

  it('packs the app into an asar (the integrity and asar-only fuses need it)', () => {
    expect(config.asar).toBe(true);
  });

  it('names the app and targets Linux, Windows and macOS installers', () => {
    expect(config.appId).toBe('org.tadamun.app');
    expect(config.productName).toBe('Tadamun');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
  });

  it('ships only the built app and its resources, and publishes nothing', () => {
    // electron-builder normalizes the list into one file set.
    expect(config.files).toEqual([
      { filter: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/**'] },
    ]);
    expect(config.publish).toBeNull();
  });

  it('has a dist script that builds before packaging', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts['dist']).toBe('electron-vite build && electron-builder');
  });
});
