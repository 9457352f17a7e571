/**
 * The security scan step of `npm test` (scripts/security-scan.ts): a scan that silently found
 * nothing would be worse than none, so it is shown failing an insecure app and passing one
 * built the way Tadamun's main process is.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockingProblems,
  installedElectronVersion,
  scanBuiltApp,
} from '../../../scripts/security-scan';

let dir: string;

async function builtApp(name: string, files: Record<string, string>): Promise<string> {
  const out = path.join(dir, name);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(out, file)), { recursive: true });
    await writeFile(path.join(out, file), content);
  }
  return out;
}

const INSECURE_MAIN = `
const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const window = new BrowserWindow({
    webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false },
  });
  window.loadURL('https://example.org/');
});
`;

const HARDENED_MAIN = `
const { app, BrowserWindow, session } = require('electron');
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, done) => done(false));
  const window = new BrowserWindow({
    webPreferences: {
      preload: '../preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.loadURL('app://tadamun/index.html');
});
`;

const PAGE = (csp: string) =>
  `<!doctype html><html><head>${csp}<title>t</title></head><body><script type="module" src="./app.js"></script></body></html>`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tadamun-scan-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('security scan (Electronegativity)', () => {
  it('fails an app without context isolation and without navigation limits', async () => {
    const out = await builtApp('insecure', {
      'main/index.js': INSECURE_MAIN,
      'preload/index.js': "window.ipc = require('electron').ipcRenderer;",
      'renderer/index.html': PAGE(''),
    });
    const problems = blockingProblems(await scanBuiltApp(out, installedElectronVersion()));
    const ids = problems.map((problem) => problem.split(' ')[0]);
    expect(ids).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']),
    );
  });

  it('passes an app hardened the way Tadamun is', async () => {
    const out = await builtApp('hardened', {
      'main/index.js': HARDENED_MAIN,
      'preload/index.js':
        "const { contextBridge } = require('electron'); contextBridge.exposeInMainWorld('x', {});",
      'renderer/index.html': PAGE(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />`,
      ),
    });
    const result = await scanBuiltApp(out, installedElectronVersion());
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(blockingProblems(result)).toEqual([]);
  });

  it('refuses to scan an unbuilt app rather than report nothing', async () => {
    const out = await builtApp('unbuilt', { 'main/index.js': HARDENED_MAIN });
    await expect(scanBuiltApp(out, installedElectronVersion())).rejects.toThrow(
      /no preload, renderer/,
    );
  });

  it('counts an unparsable file as a failure', () => {
    const problems = blockingProblems({
      globalChecks: 5,
      atomicChecks: 36,
      issues: [],
      errors: [{ file: 'main/index.js', message: 'Unexpected token', tolerable: false }],
    });
    expect(problems).toEqual(['could not parse main/index.js: Unexpected token']);
  });
});
