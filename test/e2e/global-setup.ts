import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveRenderer } from '../helpers/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../../out/renderer');
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built renderer in ${root}: run "npx electron-vite build" first.`);
  }
  const server = await serveRenderer(root);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
