/**
 * How Chromium frees a large ArrayBuffer that WebCrypto made (docs/benchmarks.md, "Issue 17,
 * seventh session"): a fresh page seals 250 payloads of 1.4 MB with AES-GCM and, per mode,
 * leaves each output to the collector (none), detaches it with `transfer(0)`, moves it with
 * `structuredClone`, or posts it to a port whose other end is closed (what `releaseBuffer`
 * does); prints the page's renderer's resident set (this browser's only) before and at its peak.
 * `npx tsx --tsconfig tsconfig.test.json bench/array-buffer-release.ts [modes]`
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../test/helpers/chromium';
import { serveRenderer } from '../test/helpers/static-server';
import { peakRss } from './scenarios/process-memory';

/** In the page: seals 250 payloads and lets go of each output as `mode` says. */
async function sealMany(mode: string): Promise<string> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const plaintext = new Uint8Array(1400 * 1024);
  const { port1, port2 } = new MessageChannel();
  port2.close();
  for (let i = 0; i < 250; i++) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext);
    if (mode === 'transfer') (sealed as ArrayBuffer & { transfer(n: number): unknown }).transfer(0);
    if (mode === 'clone') structuredClone(sealed, { transfer: [sealed] });
    if (mode === 'port') port1.postMessage(null, [sealed]);
    if (mode !== 'none' && sealed.byteLength !== 0) return 'not detached';
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return 'sealed 250';
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'tadamun-ab-release-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>release</title>');
  const server = await serveRenderer(root);
  try {
    for (const mode of (process.argv[2] ?? 'none,transfer,clone,port').split(',')) {
      const browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(server.url);
      const run = await peakRss(async () => {
        const outcome = await page.evaluate(sealMany, mode);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return outcome;
      });
      const [pageProcess] = run.byRenderer;
      const mb = (bytes = 0) => `${Math.round(bytes / 2 ** 20)} MB`;
      console.log(
        `${mode}: ${run.value}; the page's renderer ${mb(pageProcess?.before)} before, ` +
          `${mb(pageProcess?.peak)} at most`,
      );
      await browser.close();
    }
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

void main();
