import { describe, expect, it } from 'vitest';
import { isStorageFull } from '@core/db/storage-full';
import { failNthWrite } from '../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../helpers/fresh-data-core';

describe('isStorageFull', () => {
  it('recognises a write IndexedDB refused for lack of room, as the data core passes it on', async () => {
    const { core } = await freshDataCore();
    await failNthWrite(core, 1);
    const refused = await core.contacts.create({ givenName: 'Maya' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(isStorageFull(refused)).toBe(true);
  });

  it('looks through errors that wrap it', () => {
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isStorageFull({ name: 'AbortError', inner: full })).toBe(true);
    expect(isStorageFull(new Error('Import failed', { cause: full }))).toBe(true);
  });

  it('is false for any other failure', () => {
    expect(isStorageFull(new Error('The disk is full'))).toBe(false);
    expect(isStorageFull(new DOMException('Aborted', 'AbortError'))).toBe(false);
    expect(isStorageFull('QuotaExceededError')).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });
});
