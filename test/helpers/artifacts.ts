import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Screenshots and generated files from e2e runs, to look at (not committed). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../e2e/__artifacts__');

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}
