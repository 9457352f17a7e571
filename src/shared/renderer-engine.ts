/**
 * V8 flags of Tadamun's renderer processes, set by the main process before any starts. The end
 * to end tests and the benchmarks give the same flags to Chromium, so they measure the page as
 * the app runs it.
 *
 * `--max-semi-space-size=2` caps the young generation at 2 MB per semi-space (Chrome lets it
 * grow to 16 MB). Importing 100,000 contacts keeps every record alive while they arrive from the
 * import worker: with 16 MB semi-spaces each young-generation collection copied ~13 MB of them
 * and held the page for 40-55 ms; with 2 MB each copies at most ~2 MB (a few milliseconds). V8
 * itself uses young generations this small on low-memory devices. The price, measured with the
 * benchmarks: throughput-bound work (letters, unlocking, persisting) took 0-8 % longer.
 */
export const RENDERER_JS_FLAGS = '--max-semi-space-size=2';
