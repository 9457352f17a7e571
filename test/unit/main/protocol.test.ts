import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleAppProtocol, registerAppScheme } from '@main/protocol';
import { protocol, resetElectronDouble } from '../../helpers/electron-double';
import { rendererBundle } from './renderer-bundle';

let root: string;

beforeAll(async () => {
  root = await rendererBundle();
});

describe('app:// protocol', () => {
  beforeEach(resetElectronDouble);

  it('registers a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('serves only the tadamun host', async () => {
    handleAppProtocol(root);
    const handler = protocol.handlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    const ok = await handler({ url: 'app://tadamun/index.html' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<title>t</title>');
    expect((await handler({ url: 'app://other/index.html' })).status).toBe(404);
  });
});
