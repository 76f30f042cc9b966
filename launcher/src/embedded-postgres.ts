import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { PGliteWireServer } from './pglite-wire-server';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Real Postgres (PGlite, compiled to WASM) with its data under `dataDir`, served on a local
 * port (see PGliteWireServer), so services connect with `pg` as to any server.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const directory = path.resolve(dataDir, 'postgres');
  mkdirSync(directory, { recursive: true });
  const db = await PGlite.create(directory);
  const server = new PGliteWireServer(db);
  const port = await server.listen();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
