/** Serves the built renderer on 127.0.0.1 the way the app's app:// handler does. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAppFile } from '../../src/main/app-files';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function serveRenderer(rootDir: string): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void readAppFile(path, rootDir).then((file) => {
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
