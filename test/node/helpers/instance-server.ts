/**
 * One proxy instance as a deployment runs it: its own process, S3 for the files and Redis for the
 * store, on 127.0.0.1. Started by test/node/helpers/instances.ts (`node --import tsx`, with IPC);
 * its settings arrive in MMS_INSTANCE (JSON). It answers 'ready' with its port, and stops on 'stop'.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMediaProxy, redisStore, s3Provider, toNodeHandler, type S3MediaUrls } from '../../../src/server/index.js';

export interface InstanceSettings {
  secret: string;
  redisUrl: string;
  s3: { endpoint: string; bucket: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; urls: S3MediaUrls };
  /** Where uploads are spooled. */
  tmpDir: string;
}

const settings = JSON.parse(process.env.MMS_INSTANCE ?? 'null') as InstanceSettings | null;
if (!settings || !process.send) throw new Error('test/node/helpers/instance-server.ts is started by test/node/helpers/instances.ts');

const store = redisStore({ url: settings.redisUrl });
const proxy = createMediaProxy({
  secret: settings.secret,
  provider: s3Provider({ ...settings.s3, forcePathStyle: true, keyPrefix: 'uploads/' }),
  store,
  tmpDir: settings.tmpDir,
  authorize: () => 'test-user',
});
const server = createServer(toNodeHandler(proxy));
server.listen(0, '127.0.0.1', () => process.send!({ type: 'ready', port: (server.address() as AddressInfo).port }));

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stop') return;
  server.closeAllConnections();
  server.close(() => {
    void store.close().finally(() => process.disconnect());
  });
});
