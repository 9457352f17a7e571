import { describe, expect, it } from 'vitest';
import { allowedRemote, checkRequest, RemotePolicyError } from '@main/coalition-remotes';

const couch = allowedRemote({ url: 'https://couch.example.org', database: 'coalition-a' });
const proxied = allowedRemote({ url: 'https://example.net/couch/', database: 'coalition-b' });
const remotes = [couch, proxied];

describe('allowed remotes', () => {
  it('keeps the origin, the database path and the root path', () => {
    expect(couch).toEqual({
      origin: 'https://couch.example.org',
      databasePath: '/coalition-a',
      rootPath: '/',
    });
    expect(proxied).toEqual({
      origin: 'https://example.net',
      databasePath: '/couch/coalition-b',
      rootPath: '/couch/',
    });
    // A name with a slash is one path segment, encoded as PouchDB sends it.
    expect(allowedRemote({ url: 'http://127.0.0.1:5984', database: 'org/a' }).databasePath).toBe(
      '/org%2Fa',
    );
  });

  it('allows plain http only on this machine', () => {
    for (const url of ['http://127.0.0.1:5984', 'http://localhost:5984', 'http://[::1]:5984']) {
      expect(allowedRemote({ url, database: 'a' }).origin).toBe(new URL(url).origin);
    }
    for (const url of ['http://couch.example.org', 'http://10.0.0.2:5984', 'ftp://127.0.0.1']) {
      expect(() => allowedRemote({ url, database: 'a' }), url).toThrow(RemotePolicyError);
    }
  });

  it('refuses credentials, a query or a fragment in the URL, and what is not a URL', () => {
    for (const url of [
      'https://admin:secret@couch.example.org',
      'https://couch.example.org/?x=1',
      'https://couch.example.org/#x',
      'couch.example.org',
    ]) {
      expect(() => allowedRemote({ url, database: 'a' }), url).toThrow(RemotePolicyError);
    }
  });
});

describe('request policy of coalition fetch', () => {
  const allowed = (method: string, url: string) => checkRequest(method, url, remotes).allowed;

  it("allows the database and everything under it, and reading the server's root", () => {
    expect(allowed('GET', 'https://couch.example.org/coalition-a/')).toBe(true);
    expect(allowed('PUT', 'https://couch.example.org/coalition-a')).toBe(true);
    expect(allowed('GET', 'https://couch.example.org/coalition-a/_changes?since=0')).toBe(true);
    expect(allowed('POST', 'https://couch.example.org/coalition-a/_bulk_docs')).toBe(true);
    expect(allowed('GET', 'https://couch.example.org/')).toBe(true);
    expect(allowed('GET', 'https://example.net/couch/coalition-b/_local/x')).toBe(true);
    expect(allowed('GET', 'https://example.net/couch/')).toBe(true);
  });

  it('refuses other hosts, ports, schemes, databases and server endpoints', () => {
    for (const [method, url] of [
      ['GET', 'https://evil.example/coalition-a/'],
      ['GET', 'https://couch.example.org:8443/coalition-a/'],
      ['GET', 'http://couch.example.org/coalition-a/'],
      ['GET', 'https://couch.example.org/coalition-b/'],
      ['GET', 'https://couch.example.org/coalition-ab/'],
      ['GET', 'https://couch.example.org/_users/'],
      ['GET', 'https://couch.example.org/_all_dbs'],
      ['POST', 'https://couch.example.org/_replicate'],
      ['POST', 'https://couch.example.org/'],
      ['GET', 'https://example.net/'],
      ['GET', 'https://example.net/coalition-b/'],
      ['GET', 'not a url'],
    ]) {
      expect(allowed(method as string, url as string), `${method} ${url}`).toBe(false);
    }
  });

  it('refuses paths that climb out of the database, plainly or encoded', () => {
    expect(allowed('GET', 'https://couch.example.org/coalition-a/../_users/x')).toBe(false);
    expect(allowed('GET', 'https://couch.example.org/coalition-a/%2e%2e/_users/x')).toBe(false);
    expect(allowed('GET', 'https://couch.example.org/coalition-a%2F..%2F_users')).toBe(false);
  });

  it('refuses credentials in the URL and says why', () => {
    expect(checkRequest('GET', 'https://u:p@couch.example.org/coalition-a/', remotes)).toEqual({
      allowed: false,
      reason: 'credentials belong in a header, not in the URL',
    });
    expect(checkRequest('GET', 'https://couch.example.org/_users', [])).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("not a coalition's server"),
    });
  });
});
