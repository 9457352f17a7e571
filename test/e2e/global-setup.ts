import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveRenderer } from '../helpers/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Where the core harness page is served, on the app's origin (so it shares its database). */
export const HARNESS_PREFIX = '/harness/';

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../../out/renderer');
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built renderer in ${root}: run "npx electron-vite build" first.`);
  }
  const harness = path.resolve(import.meta.dirname, '../../out/e2e-harness');
  await build({ configFile: path.resolve(import.meta.dirname, 'harness/vite.config.mts') });
  const server = await serveRenderer(root, { [HARNESS_PREFIX]: harness });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
