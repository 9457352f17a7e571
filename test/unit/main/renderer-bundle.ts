/** A renderer bundle on disk (index.html, one asset) with a file beside it that must stay out. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes the bundle to a new temporary folder; returns the bundle's root. */
export async function rendererBundle(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tadamun-app-files-'));
  const root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the bundle');
  return root;
}
