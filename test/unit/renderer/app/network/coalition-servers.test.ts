import { describe, expect, it } from 'vitest';
import type { Coalition } from '@core/domain/coalition';
import { coalitionServerOrigins } from '@renderer/app/network/coalition-servers';

const server = (url: string) =>
  ({
    transport: { kind: 'server', url, database: 'db', username: 'u', password: 'p' },
  }) as unknown as Coalition;
const filesOnly = { transport: { kind: 'files' } } as unknown as Coalition;

describe('coalitionServerOrigins', () => {
  it('is empty when no coalition has a server: the app connects to nothing', () => {
    expect(coalitionServerOrigins([])).toEqual([]);
    expect(coalitionServerOrigins([filesOnly])).toEqual([]);
  });

  it('names each server once, by origin, sorted', () => {
    const coalitions = [
      server('https://couch.example.org/prefix'),
      filesOnly,
      server('http://127.0.0.1:5984'),
      server('https://couch.example.org:443/other'),
    ];
    expect(coalitionServerOrigins(coalitions)).toEqual([
      'http://127.0.0.1:5984',
      'https://couch.example.org',
    ]);
  });
});
