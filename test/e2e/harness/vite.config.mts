/** Builds the core harness page (test/e2e/harness) into out/e2e-harness for the e2e tests. */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const repo = resolve(import.meta.dirname, '../../..');

export default defineConfig({
  root: resolve(repo, 'test/e2e/harness'),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: {
      '@core': resolve(repo, 'src/core'),
      '@shared': resolve(repo, 'src/shared'),
      '@renderer': resolve(repo, 'src/renderer/src'),
    },
  },
  build: {
    outDir: resolve(repo, 'out/e2e-harness'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
