// A proxy at /proxy-s3/… that stores into a real S3 API on 127.0.0.1 (test/node/helpers/s3-server.ts):
// element → /proxy-s3/sign → /proxy-s3/upload → S3 → media-url, which Node then fetches
// (/proxy-s3/fetch-media?url=…, for the S3 server only), as a provider fetching it would.
import { createHash } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';

export async function s3ProxyEndpoint(server, runNodeHandler) {
  const s3 = await (await tsImport('../node/helpers/s3-server.ts', import.meta.url)).startS3Server();
  const handler = server.toNodeHandler(
    server.createMediaProxy({
      secret: 'browser-test-secret-s3-0123456789abcdefghijklmn',
      provider: server.s3Provider({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        keyPrefix: 'e2e/',
        urls: { publicBaseUrl: s3.publicBaseUrl },
      }),
      authorize: () => 'browser-test-user',
    }),
  );

  /** GET of a media URL on the S3 server, from Node: what a provider fetching it would get. */
  const fetchMedia = async (ctx) => {
    const url = new URL(ctx.query.url ?? '', 'http://invalid');
    if (url.origin !== s3.endpoint) {
      ctx.status = 400;
      return;
    }
    const response = await fetch(url, { redirect: 'manual' });
    const bytes = Buffer.from(await response.arrayBuffer());
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      status: response.status,
      contentType: response.headers.get('content-type'),
      contentLength: response.headers.get('content-length'),
      contentDisposition: response.headers.get('content-disposition'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  };

  return {
    prefix: '/proxy-s3',
    async serve(ctx) {
      if (ctx.path === '/proxy-s3/fetch-media') return fetchMedia(ctx);
      ctx.respond = false;
      await runNodeHandler(ctx, handler);
      return undefined;
    },
    close: () => s3.close(),
  };
}
