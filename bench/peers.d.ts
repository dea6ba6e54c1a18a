// Just enough typing for the peer packages the comparison benchmarks use (PouchDB, express,
// express-pouchdb); they ship no types of their own, and only bench/ imports them.
declare module 'pouchdb' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    [field: string]: unknown;
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
  }
  export interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
  }
  export interface Database {
    bulkDocs(docs: PouchDoc[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    allDocs(options?: {
      limit?: number;
      startkey?: string;
      endkey?: string;
      include_docs?: boolean;
    }): Promise<{ total_rows: number; rows: { id: string; doc?: PouchDoc }[] }>;
    put(doc: PouchDoc): Promise<unknown>;
    query(
      view: string,
      options?: { key?: unknown; limit?: number; include_docs?: boolean },
    ): Promise<{ rows: { id: string; key: unknown }[] }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  export interface PouchStatic {
    new (name: string, options?: { adapter?: string }): Database;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: { prefix?: string; adapter?: string }): PouchStatic;
    replicate(
      source: Database | string,
      target: Database | string,
      options?: ReplicateOptions,
    ): Promise<ReplicationResult>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-browser' {
  import type { PouchStatic } from 'pouchdb';
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';
  export type Handler = (
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) => void;
  export interface Application extends Handler {
    use(path: string, handler: Handler): Application;
    get(path: string, handler: Handler): Application;
    listen(port: number, host: string, callback: () => void): Server;
  }
  function express(): Application;
  export default express;
}

declare module 'express-pouchdb' {
  import type { Handler } from 'express';
  import type { PouchStatic } from 'pouchdb';
  function expressPouchDB(
    PouchDB: PouchStatic,
    options?: {
      mode?: string;
      overrideMode?: { include?: string[]; exclude?: string[] };
      inMemoryConfig?: boolean;
      logPath?: string;
    },
  ): Handler;
  export default expressPouchDB;
}
