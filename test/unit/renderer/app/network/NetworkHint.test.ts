import { afterEach, describe, expect, it, vi } from 'vitest';
import { serverList } from '@renderer/app/network/NetworkHint';

const isolated = (origin: string) => `\u2068${origin}\u2069`;

describe('serverList', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names one server without making a list format (its first costs tens of ms)', () => {
    const made = vi.spyOn(Intl, 'ListFormat');
    expect(serverList('en', ['https://couch.example.org'])).toBe(
      isolated('https://couch.example.org'),
    );
    expect(made).not.toHaveBeenCalled();
  });

  it('lists several in the UI language, each origin isolated', () => {
    const servers = ['http://127.0.0.1:5984', 'https://couch.example.org'];
    expect(serverList('en', servers)).toBe(
      `${isolated(servers[0] ?? '')} and ${isolated(servers[1] ?? '')}`,
    );
    expect(serverList('ar', servers)).toBe(
      `${isolated(servers[0] ?? '')} و${isolated(servers[1] ?? '')}`,
    );
    expect(serverList('en', [...servers, 'https://b.example'])).toBe(
      `${isolated(servers[0] ?? '')}, ${isolated(servers[1] ?? '')}, and ${isolated('https://b.example')}`,
    );
  });
});
