/**
 * Upload tokens: `base64url(JSON claims) "." base64url(HMAC-SHA256(secret, first part))`.
 * The claims bind the subject, the expiry, a random id and the limits the upload must respect.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Limits } from '../limits.js';
import { HttpError } from './errors.js';

/** The longest a token may live, whatever `ttlSeconds` asks for. */
export const MAX_TTL_SECONDS = 3600;
/** Clocks of the servers that sign and verify may differ a little. */
export const CLOCK_SKEW_SECONDS = 30;
/** HMAC-SHA256 keys shorter than the hash add nothing but weakness. */
export const MIN_SECRET_BYTES = 32;

export type Secret = string | Uint8Array;

export interface TokenClaims {
  /** Who the token was issued to (what `authorize` returned). */
  sub: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
  /** Random id: uploads are counted per token. */
  jti: string;
  limits: Limits;
}

/** How to make a good secret, for the messages below. */
const MAKE_A_SECRET = `node -e "console.log(crypto.randomBytes(${MIN_SECRET_BYTES}).toString('base64url'))"`;

/** The secret as an HMAC key; a missing or short one is refused at start-up, saying which and how to make one. */
export function checkSecret(secret: Secret): Buffer {
  // Unset in JavaScript (an environment variable that is not there) or empty: say so, not "too short".
  if (secret === undefined || secret === null || secret.length === 0) {
    throw new TypeError(
      `mms-media-upload/server: the secret is missing (${describe(secret)}): give { secret } a random value of at least ${MIN_SECRET_BYTES} bytes, ` +
        `such as an environment variable set to the output of ${MAKE_A_SECRET}`,
    );
  }
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    throw new TypeError(`mms-media-upload/server: the secret must be a string or a Uint8Array, not ${describe(secret)}`);
  }
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < MIN_SECRET_BYTES) {
    throw new TypeError(
      `mms-media-upload/server: the secret must be at least ${MIN_SECRET_BYTES} bytes long; this one has ${key.length}. Make one with ${MAKE_A_SECRET}`,
    );
  }
  return key;
}

function describe(value: unknown): string {
  return value === '' ? 'an empty string' : value === null ? 'null' : typeof value;
}

/** A TTL within 1 s … MAX_TTL_SECONDS. */
export function capTtl(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) throw new TypeError('mms-media-upload/server: ttlSeconds must be a positive number');
  return Math.min(Math.ceil(ttlSeconds), MAX_TTL_SECONDS);
}

export function newTokenId(): string {
  return randomBytes(16).toString('base64url');
}

export function signToken(claims: TokenClaims, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, key).toString('base64url')}`;
}

/** The claims of a genuine, unexpired token; otherwise a 401 that says why. */
export function verifyToken(token: string | undefined, key: Buffer, now = Date.now()): TokenClaims {
  if (!token) throw new HttpError(401, 'unsigned', 'The upload is not signed. Ask for a new signature and try again.');
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !isBase64Url(payload) || !isCanonicalBase64Url(signature)) {
    throw invalid();
  }
  const expected = mac(payload, key);
  const given = Buffer.from(signature, 'base64url');
  // timingSafeEqual needs equal lengths; the length of a MAC is no secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();

  const claims = parseClaims(payload);
  const seconds = now / 1000;
  if (seconds > claims.exp + CLOCK_SKEW_SECONDS) {
    throw new HttpError(401, 'signature-expired', 'The upload signature has expired. Ask for a new one and try again.');
  }
  if (claims.iat > seconds + CLOCK_SKEW_SECONDS) throw new HttpError(401, 'signature-invalid', 'The upload signature is not valid yet.');
  return claims;
}

function mac(payload: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

function invalid(): HttpError {
  return new HttpError(401, 'signature-invalid', 'The upload signature is not valid.');
}

function isBase64Url(text: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(text);
}

/**
 * One spelling per signature: the decoder ignores the unused low bits of the last character, so
 * without this check four strings would verify. (Compares the encoding, not the MAC: no timing concern.)
 */
function isCanonicalBase64Url(text: string): boolean {
  return isBase64Url(text) && Buffer.from(text, 'base64url').toString('base64url') === text;
}

/** Claims of a correctly signed token still get their shape checked: a bug must not become a bypass. */
function parseClaims(payload: string): TokenClaims {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const claims = value as Partial<TokenClaims> | null;
  const limits = claims?.limits;
  const wellFormed =
    typeof claims?.sub === 'string' &&
    typeof claims.iat === 'number' &&
    typeof claims.exp === 'number' &&
    typeof claims.jti === 'string' &&
    typeof limits?.maxFiles === 'number' &&
    typeof limits.maxFileSize === 'number' &&
    (limits.maxTotalSize === undefined || typeof limits.maxTotalSize === 'number') &&
    Array.isArray(limits.accept) &&
    limits.accept.every((entry) => typeof entry === 'string');
  if (!wellFormed) throw invalid();
  return claims as TokenClaims;
}
