// Server usage of `mms-media-upload/server`, type-checked by test/node/packed-typings.test.ts against
// the packed tarball, in a Node project without the DOM lib as well as with it. Every
// `@ts-expect-error` marks a misuse that must stay an error.
import { createServer } from 'node:http';
import {
  createMediaProxy,
  HttpError,
  localProvider,
  memoryStore,
  PROVIDER_PRESETS,
  toNodeHandler,
  type FetchHandler,
  type MediaProxyOptions,
} from 'mms-media-upload/server';

const options: MediaProxyOptions = {
  secret: process.env.MMS_UPLOAD_SECRET ?? '',
  provider: localProvider({ dir: './media', publicUrl: 'https://app.example.com/api/media-upload/media' }),
  limits: PROVIDER_PRESETS.plivo,
  store: memoryStore(),
  authorize: async (request: Request) => {
    if (!request.headers.get('cookie')) throw new HttpError(401, 'not-signed-in', 'Sign in first.');
    return 'user-1';
  },
};
export const proxy: FetchHandler = createMediaProxy(options);
export const answer: Promise<Response> = proxy(new Request('http://localhost/api/media-upload/sign', { method: 'POST' }));
createServer(toNodeHandler(proxy)).listen(8080);

// @ts-expect-error the provider is an adapter, not a name
createMediaProxy({ secret: 'x'.repeat(32), provider: 'plivo' });
// @ts-expect-error an HttpError's code is one of the proxy's codes
export const unknownCode = new HttpError(400, 'oops', 'Bad.');
