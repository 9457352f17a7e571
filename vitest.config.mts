import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@core': resolve(root, 'src/core'),
  '@shared': resolve(root, 'src/shared'),
  '@renderer': resolve(root, 'src/renderer/src'),
  '@main': resolve(root, 'src/main'),
  '@preload': resolve(root, 'src/preload'),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: {
          // Main-process code runs against a recording test double of Electron.
          alias: { ...alias, electron: resolve(root, 'test/helpers/electron-double.ts') },
        },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          restoreMocks: true,
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // Two cores: one browser at a time keeps timings honest and the machine responsive.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
