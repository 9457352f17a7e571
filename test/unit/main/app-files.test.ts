import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAppFile, resolveAppFile } from '@main/app-files';
import { rendererBundle } from './renderer-bundle';

let root: string;

beforeAll(async () => {
  root = await rendererBundle();
});

describe('serving the renderer bundle', () => {
  it('maps paths inside the bundle and / to index.html', () => {
    expect(resolveAppFile('/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('/assets/app.js', root)).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('never resolves a path outside the bundle folder', () => {
    for (const attempt of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      const resolved = resolveAppFile(attempt, root);
      // Either refused, or clamped inside the bundle as a browser normalizes "/../".
      if (resolved !== null) expect(resolved.startsWith(root + path.sep), attempt).toBe(true);
    }
    expect(resolveAppFile('/..%5csecret.txt', root)).toBeNull();
    expect(resolveAppFile('/index.html%00.js', root)).toBeNull();
    expect(resolveAppFile('/%E0%A4%A', root)).toBeNull();
  });

  it('answers with the file, its type and the CSP header', async () => {
    const response = await readAppFile('/assets/app.js', root);
    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(response.body)).toBe('console.log(1)');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it("lets only the browser build's Argon2id worker compile WebAssembly, never the page", async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(root, 'assets', 'argon2id.worker-5XqfWfD9.js'), 'self;');
    await writeFile(path.join(root, 'assets', 'unseal.worker-8KXEpIpp.js'), 'self;');
    const cspOf = async (file: string) =>
      (await readAppFile(file, root)).headers['content-security-policy'] ?? '';
    const worker = await cspOf('/assets/argon2id.worker-5XqfWfD9.js');
    expect(worker).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(worker).toContain("default-src 'none'");
    for (const file of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/assets/unseal.worker-8KXEpIpp.js',
    ]) {
      expect(await cspOf(file), file).not.toContain('wasm-unsafe-eval');
    }
    expect((await readAppFile('/assets/argon2id.worker-x.js.map', root)).status).toBe(404);
  });

  it('answers 404 for missing files and escapes, never their content', async () => {
    expect((await readAppFile('/nope.js', root)).status).toBe(404);
    const escape = await readAppFile('/%2e%2e/secret.txt', root);
    expect(escape.status).toBe(404);
    expect(new TextDecoder().decode(escape.body)).not.toContain('outside');
  });
});
