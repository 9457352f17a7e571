/**
 * `npx tsx --tsconfig tsconfig.test.json bench/payload-encoding.ts`: what each way of encoding a
 * sealed chunk (1,000 bench contacts, Latin and Arabic mixed) weighs and costs to read back in
 * Chromium: ASCII JSON, UTF-8, UTF-16, and each deflated (CompressionStream). Behind the choice
 * in core/crypto/padded-payload.ts (docs/benchmarks.md). Median of 7, per chunk.
 */
import { generateContactInputs } from './fixtures/bench-contacts';
import { launchChromium } from '../test/helpers/chromium';

const CHUNKS = 10;

async function main(): Promise<void> {
  const contacts = generateContactInputs(CHUNKS * 1000);
  const browser = await launchChromium();
  const page = await browser.newPage();
  // tsx names the page function's inner functions with a helper the page lacks.
  await page.evaluate('globalThis.__name = (fn) => fn');
  const result = await page.evaluate(
    async ({ contacts, chunkCount }) => {
      const chunks = Array.from({ length: chunkCount }, (_, c) =>
        contacts.slice(c * 1000, c * 1000 + 1000).map((contact, i) => ({
          id: `${c}-${i}`.padEnd(36, '0'),
          ...contact,
          createdAt: '2026-11-25T09:00:00.000Z',
          updatedAt: '2026-11-25T09:00:00.000Z',
        })),
      );
      const ascii = (text: string) => {
        const out: string[] = [];
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          out.push(code < 128 ? (text[i] ?? '') : `\\u${code.toString(16).padStart(4, '0')}`);
        }
        return new TextEncoder().encode(out.join(''));
      };
      const utf16 = (text: string) => {
        const units = new Uint16Array(text.length);
        for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
        return new Uint8Array(units.buffer);
      };
      const through = async (bytes: Uint8Array<ArrayBuffer>, stream: GenericTransformStream) =>
        new Uint8Array(
          await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer(),
        );
      const deflate = (list: Uint8Array<ArrayBuffer>[]) =>
        Promise.all(list.map((bytes) => through(bytes, new CompressionStream('deflate-raw'))));
      const texts = chunks.map((chunk) => JSON.stringify(chunk));
      const plain = {
        ascii: texts.map(ascii),
        utf8: texts.map((text) => new TextEncoder().encode(text)),
        utf16: texts.map(utf16),
      };
      const deflated = {
        ascii: await deflate(plain.ascii),
        utf8: await deflate(plain.utf8),
        utf16: await deflate(plain.utf16),
      };
      const utf8Decoder = new TextDecoder();
      const utf16Decoder = new TextDecoder('utf-16le');
      const inflate = (bytes: Uint8Array<ArrayBuffer>) =>
        through(bytes, new DecompressionStream('deflate-raw'));
      const ways: Record<string, (i: number) => Promise<unknown>> = {
        'ASCII: decode + parse': async (i) => JSON.parse(utf8Decoder.decode(plain.ascii[i])),
        'UTF-8: decode + parse': async (i) => JSON.parse(utf8Decoder.decode(plain.utf8[i])),
        'UTF-16: decode + parse': async (i) => JSON.parse(utf16Decoder.decode(plain.utf16[i])),
        'ASCII: decode only': async (i) => utf8Decoder.decode(plain.ascii[i]),
        'UTF-16: decode only': async (i) => utf16Decoder.decode(plain.utf16[i]),
        'deflated UTF-16: inflate only': (i) => inflate(deflated.utf16[i] ?? new Uint8Array()),
        'deflated ASCII: inflate only': (i) => inflate(deflated.ascii[i] ?? new Uint8Array()),
        'UTF-16: deflate (write)': (i) =>
          through(plain.utf16[i] ?? new Uint8Array(), new CompressionStream('deflate-raw')),
      };
      const times: Record<string, number[]> = {};
      for (let rep = 0; rep < 7; rep++) {
        for (const [name, way] of Object.entries(ways)) {
          const start = performance.now();
          for (let i = 0; i < chunkCount; i++) await way(i);
          (times[name] ??= []).push((performance.now() - start) / chunkCount);
        }
      }
      const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
      const bytes = (list: Uint8Array[]) =>
        Math.round(list.reduce((total, item) => total + item.length, 0) / chunkCount);
      return {
        bytesPerChunk: {
          ascii: bytes(plain.ascii),
          utf8: bytes(plain.utf8),
          utf16: bytes(plain.utf16),
          deflatedAscii: bytes(deflated.ascii),
          deflatedUtf8: bytes(deflated.utf8),
          deflatedUtf16: bytes(deflated.utf16),
        },
        msPerChunk: Object.fromEntries(
          Object.entries(times).map(([name, list]) => [name, +(median(list) ?? 0).toFixed(2)]),
        ),
      };
    },
    { contacts, chunkCount: CHUNKS },
  );
  console.log(JSON.stringify(result, null, 2));
  await browser.close();
}

void main();
