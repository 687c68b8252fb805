/**
 * For a test file: the proxy with the local provider behind `toNodeHandler` on a loopback server,
 * with storage and spool folders of its own. Started before the file's tests and closed after
 * them; after each test, every temporary file must be gone.
 */
import { after, afterEach, before } from 'node:test';
import { createMediaProxy, localProvider, toNodeHandler, type FetchHandler, type MediaProxyOptions } from '../../../src/server/index.js';
import { listen, tempDir, waitFor, type Listening, type TempDir } from './http.js';
import { SECRET } from './proxy.js';

export interface LocalProxyServer {
  /** `http://127.0.0.1:<port>`, once the file's `before` hooks have run. */
  origin: string;
  proxy: FetchHandler;
  storage: TempDir;
  spool: TempDir;
}

/** Registers the hooks; `authorize` lets every request sign unless `options` say otherwise. */
export function localProxyServer(prefix: string, options: Partial<MediaProxyOptions> = {}): LocalProxyServer {
  const server = {} as LocalProxyServer;
  let app: Listening;
  before(async () => {
    server.storage = await tempDir(`${prefix}-storage`);
    server.spool = await tempDir(`${prefix}-spool`);
    server.proxy = createMediaProxy({
      secret: SECRET,
      provider: localProvider({ dir: server.storage.path }),
      tmpDir: server.spool.path,
      authorize: () => 'user',
      ...options,
    });
    app = await listen(toNodeHandler(server.proxy));
    server.origin = app.origin;
  });
  after(async () => {
    await app.close();
    await server.storage.remove();
    await server.spool.remove();
  });
  afterEach(async () => {
    await waitFor(async () => (await server.spool.list()).length === 0, 'the temporary files to be removed');
  });
  return server;
}
