import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { version } from './package.json';
import { buildCsp } from './src/shared/csp';

const alias = {
  '@core': resolve(__dirname, 'src/core'),
  '@shared': resolve(__dirname, 'src/shared'),
  '@renderer': resolve(__dirname, 'src/renderer/src'),
};

/** Writes the one CSP (src/shared/csp.ts) into index.html; dev adds Vite's own origin. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'tadamun-csp',
    transformIndexHtml(html, context) {
      const port = context.server?.config.server.port;
      const csp = buildCsp(port ? { devServerOrigin: `http://localhost:${port}` } : {});
      return html.replace(
        '<!-- CSP -->',
        `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
      );
    },
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // Argon2id runs in worker threads (src/main/argon2id-pool.ts): a second entry.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'argon2id-worker': resolve(__dirname, 'src/main/argon2id-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload may only require('electron'): bundle everything else into it.
    build: { externalizeDeps: false },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), contentSecurityPolicy()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      // No inline scripts or data: fonts: everything is a file the CSP allows as 'self'.
      assetsInlineLimit: 0,
      // electron-vite leaves the renderer unminified; the lock screen should not parse 6 MB.
      minify: true,
    },
  },
});
