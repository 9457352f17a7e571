/**
 * Hardening of every web contents and the default session: no navigation, no new windows,
 * no permissions, no network. Tadamun is offline by design; anything else is an attack or a bug.
 */
import type { App, Session, WebContents } from 'electron';

/** Schemes Chromium uses internally that never reach the network. */
const INTERNAL_SCHEMES = new Set(['devtools:', 'chrome-extension:', 'data:', 'blob:']);

export interface RequestPolicy {
  /** Origins the renderer may load from, e.g. app://tadamun (and Vite's in development). */
  allowedOrigins: readonly string[];
}

export function isAllowedRequest(requestUrl: string, policy: RequestPolicy): boolean {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return false;
  }
  if (INTERNAL_SCHEMES.has(url.protocol)) return true;
  const origin = url.protocol === 'ws:' ? `http://${url.host}` : `${url.protocol}//${url.host}`;
  return policy.allowedOrigins.includes(origin);
}

export function hardenSession(session: Session, policy: RequestPolicy): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The spell checker would download dictionaries from the network.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, policy) });
  });
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
