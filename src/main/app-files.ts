/**
 * Serving the renderer bundle: only files inside its folder, with our CSP header. Plain Node,
 * so the end-to-end test server serves the built renderer exactly as the app does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCsp } from '@shared/csp';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const APP_FILE_HEADERS = {
  'content-security-policy': buildCsp({ forHeader: true }),
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
} as const;

/**
 * The browser build's Argon2id worker (renderer/src/lib/argon2id), as Vite names it: its own
 * CSP allows WebAssembly; the page's and every other file's do not. The app itself derives in
 * the main process and never starts this worker.
 */
const ARGON2ID_WORKER = /^argon2id\.worker-[\w-]+\.js$/;
const ARGON2ID_WORKER_CSP = buildCsp({ forHeader: true, allowWasm: true });

function headersFor(file: string): Record<string, string> {
  return ARGON2ID_WORKER.test(path.basename(file))
    ? { ...APP_FILE_HEADERS, 'content-security-policy': ARGON2ID_WORKER_CSP }
    : APP_FILE_HEADERS;
}

/** Maps a URL path (still percent-encoded) to a file inside `rootDir`, or null. */
export function resolveAppFile(urlPath: string, rootDir: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(
    root,
    `.${path.posix.normalize(relative === '/' ? '/index.html' : relative)}`,
  );
  return file.startsWith(root + path.sep) ? file : null;
}

export interface AppFileResponse {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Uint8Array;
}

export function notFound(): AppFileResponse {
  return {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...APP_FILE_HEADERS },
    body: new TextEncoder().encode('Not found'),
  };
}

export async function readAppFile(urlPath: string, rootDir: string): Promise<AppFileResponse> {
  const file = resolveAppFile(urlPath, rootDir);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
    return {
      status: 200,
      headers: { 'content-type': contentType ?? 'application/octet-stream', ...headersFor(file) },
      body,
    };
  } catch {
    return notFound();
  }
}
