/**
 * Tadamun's platform-neutral core: domain types, storage, templates, DOCX, importers.
 * Runs in plain Node and in the renderer; imports nothing from Electron, Node or the DOM
 * (tsconfig.core.json has no such types and ESLint forbids such imports here).
 */
export {};
