/**
 * V8 flags of Tadamun's renderer processes, set by the main process before any starts; the end
 * to end tests and the benchmarks give Chromium the same flags.
 *
 * A small young generation (2 MB per semi-space): a large import keeps every arriving record
 * alive, and each young collection copies them with the page held; a smaller space bounds that
 * pause. Figures and the price paid: docs/benchmarks.md, "The renderer's young generation".
 */
export const RENDERER_JS_FLAGS = '--max-semi-space-size=2';
