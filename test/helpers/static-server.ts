/** Serves the built renderer on 127.0.0.1 the way the app's app:// handler does. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAppFile } from '@main/app-files';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** `mounts` serve other folders under a path prefix (e.g. '/harness/') on the same origin. */
export async function serveRenderer(
  rootDir: string,
  mounts: Readonly<Record<string, string>> = {},
): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    let path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    let root = rootDir;
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      path = `/${path.slice(prefix.length)}`;
      root = dir;
    }
    void readAppFile(path, root).then((file) => {
      response.writeHead(file.status, file.headers);
      response.end(file.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
