/**
 * The renderer is served from `app://tadamun/` by this handler, never from file:// or a
 * server: a standard, secure origin that the CSP and the request filter can name.
 */
import { protocol } from 'electron';
import { notFound, readAppFile } from './app-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tadamun';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Must run before `app.whenReady()`: gives the scheme a secure origin and fetch/CSP rights. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export async function respondToAppRequest(requestUrl: string, rootDir: string): Promise<Response> {
  const url = new URL(requestUrl);
  const file =
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
      ? await readAppFile(url.pathname, rootDir)
      : notFound();
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    status: file.status,
    headers: file.headers,
  });
}

export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request.url, rootDir));
}
