/**
 * `createUploadSigner`: issues the short-lived signature that the element's `signature-endpoint`
 * expects, after checking the files it is asked for against the limits. The token is bound to
 * those files (`limitsForRequest`): their count, sizes and type families.
 */
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { checkBatch } from '../validate.js';
import { HttpError } from './errors.js';
import { cleanFileName } from './filename.js';
import { refusal } from './refusals.js';
import { limitsForRequest, type DescribedFile } from './request-limits.js';
import { capTtl, checkSecret, newTokenId, signToken, verifyToken, type Secret, type TokenClaims } from './token.js';

export interface UploadSignerOptions {
  /** The HMAC key, at least 32 bytes; keep it on the server. */
  secret: Secret;
  /** How long a signature is valid; capped at MAX_TTL_SECONDS (3600). Default 300. */
  ttlSeconds?: number;
  /** Bound into every token; defaults to the element's defaults. */
  limits?: Partial<Limits>;
}

/** A file the browser is about to upload, as it describes it (the type is its sniffed type). */
export interface SignFileInfo {
  name: string;
  size: number;
  type: string;
}

export interface SignRequest {
  /** Who asks (a user id, a session): bound into the token. */
  subject: string;
  files: readonly SignFileInfo[];
}

/** Exactly what the element's `signature-endpoint` reads. */
export interface UploadSignature {
  headers: { Authorization: string };
  fields?: Record<string, string>;
  /** ISO 8601. */
  expires_at: string;
}

export interface UploadSigner {
  readonly limits: Readonly<Limits>;
  readonly ttlSeconds: number;
  /**
   * A signature for these files (at least one) and no others. Throws an HttpError 400 (with the
   * code of the first refusal) when the files break the limits.
   */
  sign(request: SignRequest): UploadSignature;
  /** The claims of a valid token; throws an HttpError 401 otherwise. */
  verify(token: string | undefined): TokenClaims;
}

export function createUploadSigner(options: UploadSignerOptions): UploadSigner {
  const key = checkSecret(options.secret);
  const ttlSeconds = capTtl(options.ttlSeconds ?? 300);
  const limits: Readonly<Limits> = Object.freeze({ ...DEFAULT_LIMITS, ...options.limits });

  return {
    limits,
    ttlSeconds,
    sign({ subject, files }) {
      if (typeof subject !== 'string' || subject === '') throw new TypeError('sign(): subject must be a non-empty string');
      const described = checkFiles(files, limits);
      const iat = Math.floor(Date.now() / 1000);
      const exp = iat + ttlSeconds;
      const token = signToken({ sub: subject, iat, exp, jti: newTokenId(), limits: limitsForRequest(described, limits) }, key);
      return { headers: { Authorization: `Bearer ${token}` }, expires_at: new Date(exp * 1000).toISOString() };
    },
    verify: (token) => verifyToken(token, key),
  };
}

/**
 * The element's own checks, again, on the files as the browser describes them (400 for any
 * refusal); the files with their checked types.
 */
function checkFiles(files: readonly SignFileInfo[], limits: Readonly<Limits>): DescribedFile[] {
  if (!Array.isArray(files)) throw new HttpError(400, 'bad-request', 'Expected a list of files to sign.');
  if (files.length === 0) throw new HttpError(400, 'bad-request', 'List at least one file to sign.');
  if (!files.every(isWellFormed)) throw new HttpError(400, 'bad-request', 'Each file needs a name, a size and a type.');
  // A wildcard is no file's type: it would widen the signature to every type the limits allow.
  const described = files.map((file) => ({ name: cleanFileName(file.name, 'A file'), size: file.size, type: concreteType(file.type) }));
  const refused = checkBatch(described, limits);
  if (refused) throw refusal(refused.code, described[refused.index]!, limits, 400);
  // checkBatch refuses files of no known type; the map only tells TypeScript so.
  return described.map((file) => ({ size: file.size, type: file.type ?? '' }));
}

function concreteType(type: string): string | undefined {
  const lower = type.toLowerCase();
  return lower === '' || lower.includes('*') ? undefined : lower;
}

function isWellFormed(file: SignFileInfo): boolean {
  return (
    typeof file === 'object' && file !== null && typeof file.name === 'string' && typeof file.type === 'string' &&
    Number.isSafeInteger(file.size) && file.size >= 0
  );
}
