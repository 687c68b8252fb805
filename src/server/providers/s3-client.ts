/**
 * The AWS SDK's S3 client, loaded on first use and set up for one plain PUT per upload. Nothing of
 * the SDK shows in this module's types, so that the server's typings never need it installed.
 */
import type { Readable } from 'node:stream';
import { importOptional } from '../optional-import.js';
import type { S3ProviderOptions } from './s3.js';

/** One object to store, as the PUT request carries it. */
export interface S3Object {
  key: string;
  body: Readable;
  contentLength: number;
  contentType: string;
  contentDisposition: string;
}

/** The two calls the provider makes, on one bucket. */
export interface S3Bucket {
  put(object: S3Object, abortSignal: AbortSignal): Promise<void>;
  /** A GET URL for `key`, signed for `expiresIn` seconds (no request is sent). */
  presignGet(key: string, expiresIn: number): Promise<string>;
}

const FEATURE = 's3Provider';

const ignore = () => undefined;
const QUIET = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore };

export async function openBucket(options: S3ProviderOptions): Promise<S3Bucket> {
  const [sdk, presigner] = await Promise.all([
    importOptional(() => import('@aws-sdk/client-s3'), '@aws-sdk/client-s3', FEATURE),
    importOptional(() => import('@aws-sdk/s3-request-presigner'), '@aws-sdk/s3-request-presigner', FEATURE),
  ]);
  const client = new sdk.S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // The browser retries, with the same Idempotency-Key; the proxy never does.
    maxAttempts: 1,
    // No checksum trailer: with one, the SDK streams the body `aws-chunked`, which some
    // S3-compatible services refuse. The body goes as is, with its Content-Length.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Failures reach the browser as { code, message }; the SDK's own warnings would only repeat them.
    logger: QUIET,
  });
  const Bucket = options.bucket;
  return {
    async put(object, abortSignal) {
      const command = new sdk.PutObjectCommand({
        Bucket,
        Key: object.key,
        Body: object.body,
        ContentLength: object.contentLength,
        ContentType: object.contentType,
        ContentDisposition: object.contentDisposition,
      });
      await client.send(command, { abortSignal });
    },
    presignGet: (key, expiresIn) => presigner.getSignedUrl(client, new sdk.GetObjectCommand({ Bucket, Key: key }), { expiresIn }),
  };
}
