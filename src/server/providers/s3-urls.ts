/**
 * The media URL of an S3 object, as the URL-fetching providers need it: absolute, https (or http on
 * loopback, for a local MinIO), never a redirect, and alive longer than the provider's fetch window
 * (Twilio up to 10 h, AWS 72 h, Infobip asks for 3 days).
 */
import type { S3Bucket } from './s3-client.js';

export type S3MediaUrls =
  /** A bucket or CDN that serves the objects publicly: `${publicBaseUrl}/${key}`. Twilio needs this (it sends HEAD too). */
  | { publicBaseUrl: string }
  /** Presigned GET URLs (they refuse HEAD). Default 3 days; at most 7 (S3's own limit). */
  | { presign: { expiresInSeconds?: number } };

export const DEFAULT_PRESIGN_SECONDS = 3 * 24 * 60 * 60;
export const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;

/** Makes the media URL of a stored key. */
export type MediaUrlOf = (key: string, bucket: Promise<S3Bucket>) => Promise<string>;

/** Checks the choice when the provider is created, so that a wrong one never reaches an upload. */
export function mediaUrlOf(urls: S3MediaUrls | undefined, endpoint: string | undefined): MediaUrlOf {
  const given = urls as Partial<{ publicBaseUrl: unknown; presign: { expiresInSeconds?: unknown } }> | undefined;
  if (typeof given?.publicBaseUrl === 'string') {
    const base = fetchableUrl(given.publicBaseUrl, 'urls.publicBaseUrl').href.replace(/\/+$/, '');
    return async (key) => `${base}/${encodeKey(key)}`;
  }
  if (given?.presign) {
    const expiresIn = given.presign.expiresInSeconds ?? DEFAULT_PRESIGN_SECONDS;
    if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_SECONDS) {
      throw new TypeError(`s3Provider: urls.presign.expiresInSeconds must be a whole number of seconds from 1 to ${MAX_PRESIGN_SECONDS} (7 days)`);
    }
    if (endpoint !== undefined) fetchableUrl(endpoint, 'endpoint');
    return async (key, bucket) => (await bucket).presignGet(key, expiresIn);
  }
  throw new TypeError('s3Provider: urls must be { publicBaseUrl } or { presign: { expiresInSeconds } }');
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** An absolute https URL, or http on loopback: what a provider (or a local test) can fetch. */
function fetchableUrl(value: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`s3Provider: ${option} must be an absolute URL`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) return url;
  throw new TypeError(`s3Provider: ${option} must be https (http only on loopback): providers fetch media URLs over the internet`);
}

/** Each segment percent-encoded, the slashes kept. */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
