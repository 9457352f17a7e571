import { beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { registerCoalitionFetch } from '@main/ipc/coalition-fetch';
import { hardenApp, hardenSession, isAllowedRequest } from '@main/security';
import {
  app,
  FakeWebContents,
  resetElectronDouble,
  session,
  type FakeSession,
} from '../../helpers/electron-double';
import { eventFrom, invoke, openWindow, trusted } from './ipc/windows';

const policy = { allowedOrigins: ['app://tadamun'] };

function hardened(): FakeSession {
  const s = session.defaultSession;
  hardenSession(s as never, policy);
  return s;
}

function requestIsCancelled(s: FakeSession, url: string): boolean {
  let cancelled: boolean | undefined;
  s.handlers.beforeRequest?.listener({ url }, (response) => (cancelled = response.cancel));
  if (cancelled === undefined) throw new Error('request hook did not answer');
  return cancelled;
}

describe('request policy', () => {
  it('allows only the app origin and internal schemes', () => {
    expect(isAllowedRequest('app://tadamun/index.html', policy)).toBe(true);
    expect(isAllowedRequest('app://tadamun/assets/x.woff2', policy)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', policy)).toBe(true);
    expect(isAllowedRequest('blob:app://tadamun/1234', policy)).toBe(true);
  });

  it('blocks every remote, local-file and look-alike origin', () => {
    for (const url of [
      'https://example.org/',
      'http://tadamun/',
      'app://evil/index.html',
      'app://tadamun.evil.org/x',
      'file:///etc/passwd',
      'ws://example.org/socket',
      'http://127.0.0.1:5173/',
      'not a url',
    ]) {
      expect(isAllowedRequest(url, policy), url).toBe(false);
    }
  });

  it("allows Vite's dev server and its socket only when named", () => {
    const dev = { allowedOrigins: ['app://tadamun', 'http://localhost:5173'] };
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
  });
});

describe('session hardening', () => {
  beforeEach(resetElectronDouble);

  it('denies every permission request and check', () => {
    const s = hardened();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      let granted: boolean | undefined;
      s.handlers.permissionRequest?.({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(s.handlers.permissionCheck?.({}, permission)).toBe(false);
    }
    expect(s.handlers.deviceCheck?.({})).toBe(false);
  });

  it('filters all URLs and cancels remote requests', () => {
    const s = hardened();
    expect(s.handlers.beforeRequest?.filter.urls).toEqual(['<all_urls>']);
    expect(requestIsCancelled(s, 'https://fonts.googleapis.com/css')).toBe(true);
    expect(requestIsCancelled(s, 'http://192.168.1.1/')).toBe(true);
    expect(requestIsCancelled(s, 'app://tadamun/index.html')).toBe(false);
  });

  it("still cancels the page's own requests to a coalition's server once main may reach it", async () => {
    const s = hardened();
    registerCoalitionFetch(trusted);
    const window = openWindow();
    const remote = { url: 'https://couch.example.org', database: 'coalition-a' };
    expect(await invoke(IpcChannel.setCoalitionOrigins, eventFrom(window), [remote])).toEqual({
      ok: true,
      value: null,
    });
    // Main carries the engine's requests (coalition-fetch.ts); the page itself reaches nothing.
    expect(requestIsCancelled(s, 'https://couch.example.org/coalition-a/_changes')).toBe(true);
    expect(requestIsCancelled(s, 'https://couch.example.org/')).toBe(true);
  });

  it('turns off the spell checker, which would download dictionaries', () => {
    expect(hardened().spellCheckerEnabled).toBe(false);
  });
});

describe('web contents hardening', () => {
  beforeEach(resetElectronDouble);

  function createdContents(): FakeWebContents {
    hardenApp(app as never);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    return contents;
  }

  it('prevents navigation, redirects and webviews', () => {
    const contents = createdContents();
    expect(contents.emitPreventable('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://tadamun/other.html')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://example.org/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies window.open', () => {
    const contents = createdContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
  });
});
