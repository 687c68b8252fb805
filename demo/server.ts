// The demo's back end, mounted in the Vite dev server: the signed media proxy of
// `mms-media-upload/server` under /api/media-upload, with the local provider and the in-memory
// store by default. MMS_PROVIDER (plivo, bandwidth, openmarket, generic, s3) and its variables
// switch it to a real provider, MMS_REDIS_URL to a Redis store; see the README.
import { randomBytes } from 'node:crypto';
import { Server } from 'node:http';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  bandwidthProvider,
  createMediaProxy,
  genericProvider,
  localProvider,
  openMarketProvider,
  plivoProvider,
  redisStore,
  s3Provider,
  toNodeHandler,
  type MediaProvider,
  type S3MediaUrls,
} from '../src/server/index.js';

export const API_BASE = '/api/media-upload';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`MMS_PROVIDER=${process.env.MMS_PROVIDER} needs ${name}`);
  return value;
}

function providerFromEnvironment(): MediaProvider {
  const env = process.env;
  const baseUrl = env.MMS_PROVIDER_BASE_URL || undefined;
  switch (env.MMS_PROVIDER ?? 'local') {
    case 'plivo':
      return plivoProvider({ authId: required('PLIVO_AUTH_ID'), authToken: required('PLIVO_AUTH_TOKEN'), baseUrl });
    case 'bandwidth':
      return bandwidthProvider({
        accountId: required('BANDWIDTH_ACCOUNT_ID'),
        username: required('BANDWIDTH_USERNAME'),
        password: required('BANDWIDTH_PASSWORD'),
        baseUrl,
      });
    case 'openmarket':
      return openMarketProvider({
        username: required('OPENMARKET_USERNAME'),
        password: required('OPENMARKET_PASSWORD'),
        idsAccountId: required('OPENMARKET_IDS_ACCOUNT_ID'),
        baseUrl,
      });
    case 'generic':
      return genericProvider({ url: required('GENERIC_UPLOAD_URL'), method: env.GENERIC_UPLOAD_METHOD === 'PUT' ? 'PUT' : 'POST' });
    case 's3':
      return s3ProviderFromEnvironment();
    case 'local':
      return localProvider({ dir: resolve(env.MMS_DATA_DIR ?? 'demo/.data'), publicUrl: `${API_BASE}/media` });
    default:
      throw new Error(`Unknown MMS_PROVIDER "${env.MMS_PROVIDER}": use local, plivo, bandwidth, openmarket, generic or s3`);
  }
}

/** S3 or any S3-compatible service; credentials from S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY, else the SDK's own chain. */
function s3ProviderFromEnvironment(): MediaProvider {
  const env = process.env;
  const urls: S3MediaUrls = env.S3_PUBLIC_BASE_URL
    ? { publicBaseUrl: env.S3_PUBLIC_BASE_URL }
    : { presign: { expiresInSeconds: env.S3_PRESIGN_SECONDS ? Number(env.S3_PRESIGN_SECONDS) : undefined } };
  const credentials = env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: required('S3_SECRET_ACCESS_KEY') } : undefined;
  return s3Provider({
    bucket: required('S3_BUCKET'),
    region: env.S3_REGION || 'us-east-1',
    endpoint: env.S3_ENDPOINT || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    credentials,
    keyPrefix: env.S3_KEY_PREFIX,
    urls,
  });
}

/**
 * Node's own limits on slow clients, as the README's "Node server timeouts" advises: the headers
 * within 20 s; a whole request within 40 minutes (the longest the proxy's own pace allows a 2 MB
 * upload: 1 KB/s); an idle kept-alive connection closed after 5 s.
 */
export const NODE_TIMEOUTS = { headersTimeout: 20_000, requestTimeout: 40 * 60_000, keepAliveTimeout: 5_000 };

export function demoServer(): Plugin {
  return {
    name: 'mms-media-upload-demo-proxy',
    configureServer(server) {
      // Several demo processes behind one balancer need one store: MMS_REDIS_URL.
      const store = process.env.MMS_REDIS_URL ? redisStore({ url: process.env.MMS_REDIS_URL }) : undefined;
      server.httpServer?.once('close', () => void store?.close());

      // Vite's server is Node's http.Server unless it serves https (HTTP/2), or runs as middleware (none).
      if (server.httpServer instanceof Server) Object.assign(server.httpServer, NODE_TIMEOUTS);
      const proxy = createMediaProxy({
        // A fresh secret per start unless one is given: tokens only need to live for minutes.
        secret: process.env.MMS_UPLOAD_SECRET ?? randomBytes(32).toString('base64url'),
        provider: providerFromEnvironment(),
        store,
        // A real app checks its session here and returns the user's id.
        authorize: () => 'demo-user',
      });
      server.middlewares.use(API_BASE, toNodeHandler(proxy));
      // The demo pages live under /demo/; send the bare origin there.
      server.middlewares.use((request, response, next) => {
        if (request.url !== '/') return next();
        response.writeHead(302, { Location: '/demo/' }).end();
      });
    },
  };
}
