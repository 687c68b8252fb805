/**
 * S3-compatible object storage (AWS S3, Cloudflare R2, MinIO, Ceph): each checked upload becomes
 * one object, sent as ONE `PUT` streamed from the spool file with its `Content-Length` (no chunked
 * or `aws-chunked` encoding), its sniffed `Content-Type` and a short `Content-Disposition` name, under
 * a generated key (nothing of the uploaded name). The answer carries the object's media URL (public
 * or presigned GET) for the providers that fetch one, and its `s3://` URI for AWS End User Messaging.
 *
 * The client is the official AWS SDK v3 (`@aws-sdk/client-s3`, `@aws-sdk/s3-request-presigner`),
 * an optional peer dependency loaded on first use: the rest of the server never needs it.
 */
import { createReadStream } from 'node:fs';
import { DEFAULT_LIMITS, type Limits } from '../../limits.js';
import { extensionFor, shortAsciiName } from '../filename.js';
import type { MediaProvider } from '../provider.js';
import type { HttpError } from '../errors.js';
import { providerFailure, withDeadline } from './http.js';
import { openBucket } from './s3-client.js';
import { mediaUrlOf, type S3MediaUrls } from './s3-urls.js';

export { DEFAULT_PRESIGN_SECONDS, MAX_PRESIGN_SECONDS, type S3MediaUrls } from './s3-urls.js';

/** Long-lived keys, or temporary ones with their session token. */
export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface S3ProviderOptions {
  bucket: string;
  /** The bucket's region ('us-east-1'; 'auto' for R2). */
  region: string;
  /** Another S3-compatible service ('https://<account>.r2.cloudflarestorage.com', 'http://127.0.0.1:9000'). Default: AWS. */
  endpoint?: string;
  /** Paths like `/bucket/key` instead of `bucket.host/key` (MinIO and most local services need it). */
  forcePathStyle?: boolean;
  /** Default: the SDK's own chain (environment, shared files, the instance's or task's role). */
  credentials?: S3Credentials;
  /** Put before each generated key, as given ('mms/' → 'mms/3q2…Zw.jpg'). Default ''. */
  keyPrefix?: string;
  /** How media URLs are made: a public base URL, or presigned GET URLs. */
  urls: S3MediaUrls;
  /** Default: the element's defaults. */
  limits?: Partial<Limits>;
  /** Give up on S3 after this long; default 30 s. Answered 504. */
  timeoutMs?: number;
}

const NAME = 'S3';

export function s3Provider(options: S3ProviderOptions): MediaProvider {
  if (!options.bucket) throw new TypeError('s3Provider: bucket is required');
  if (!options.region) throw new TypeError('s3Provider: region is required');
  const mediaUrl = mediaUrlOf(options.urls, options.endpoint);
  // Loading starts now, so that the first upload does not wait for it; a failure surfaces there.
  const bucket = openBucket(options);
  bucket.catch(() => undefined);
  const keyPrefix = options.keyPrefix ?? '';

  return {
    name: NAME,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    timeoutMs: options.timeoutMs,

    async upload(file) {
      const s3 = await bucket;
      const key = `${keyPrefix}${file.id}${extensionFor(file.contentType)}`;
      await withDeadline({ provider: NAME, timeoutMs: options.timeoutMs, signal: file.signal }, async (abortSignal) => {
        const object = {
          key,
          body: createReadStream(file.path),
          contentLength: file.size,
          contentType: file.contentType,
          contentDisposition: `inline; filename="${shortAsciiName(file.fileName, file.contentType)}"`,
        };
        try {
          await s3.put(object, abortSignal);
        } catch (error) {
          object.body.destroy();
          throw serviceFailure(error) ?? error;
        }
      });
      return { media_url: await mediaUrl(key, bucket), media_id: key, s3_uri: `s3://${options.bucket}/${key}` };
    },
  };
}

/**
 * S3's own refusal (it has an HTTP status): the status and S3's error code ('AccessDenied',
 * 'NoSuchBucket'), never S3's message, which may name the account, the bucket or the key.
 */
function serviceFailure(error: unknown): HttpError | undefined {
  const found = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | undefined;
  const status = found?.$metadata?.httpStatusCode;
  if (typeof status !== 'number' || status < 300) return undefined;
  const code = typeof found?.name === 'string' && /^[A-Za-z0-9.]{1,64}$/.test(found.name) ? found.name : undefined;
  return providerFailure(NAME, status, code);
}
