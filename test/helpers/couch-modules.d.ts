/** The little the test server uses of these untyped packages. */
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  function expressPouchDB(
    pouch: unknown,
    options?: { mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom'; inMemoryConfig?: boolean },
  ): RequestHandler;
  export = expressPouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export = plugin;
}
