/**
 * Builds the benchmark page (bench/browser) into out/bench, so that scenarios can run core
 * code in Chromium: `vite build --config bench/vite.bench.config.mts`.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const repo = resolve(import.meta.dirname, '..');

export default defineConfig({
  root: resolve(repo, 'bench/browser'),
  base: './',
  resolve: {
    alias: {
      '@core': resolve(repo, 'src/core'),
      '@shared': resolve(repo, 'src/shared'),
      '@renderer': resolve(repo, 'src/renderer/src'),
    },
  },
  build: {
    outDir: resolve(repo, 'out/bench'),
    emptyOutDir: true,
    // Served with the app's CSP: no inline scripts, every asset a file.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
