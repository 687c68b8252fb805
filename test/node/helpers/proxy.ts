/** Shared setup for the proxy tests: a secret, signatures, upload requests as the element sends them, and the failure shape. */
import assert from 'node:assert/strict';
import { isTypeAccepted, type Limits } from '../../../src/limits.js';
import type { ErrorBody, ErrorCode } from '../../../src/protocol.js';
import { createUploadSigner, type SignFileInfo } from '../../../src/server/index.js';

export const SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
export const ORIGIN = 'http://app.test';

export interface BearerOptions {
  limits?: Partial<Limits>;
  ttlSeconds?: number;
  secret?: string;
  /** The files the signature is asked for. Default: all that `limits` allow (`filesAllowedBy`). */
  files?: SignFileInfo[];
}

/** A fresh `Authorization` header value, as the sign route would give it. */
export function bearer(options: BearerOptions = {}): string {
  const signer = createUploadSigner({ secret: options.secret ?? SECRET, ttlSeconds: options.ttlSeconds, limits: options.limits });
  return signer.sign({ subject: 'user-1', files: options.files ?? filesAllowedBy(signer.limits) }).headers.Authorization;
}

/** Types to describe files with, one of each family first. */
const SAMPLE_TYPES = ['image/jpeg', 'video/mp4', 'application/pdf', 'text/plain', 'audio/mpeg', 'image/png', 'image/gif', 'video/quicktime', 'video/mpeg'];

/**
 * A signature request as wide as `limits`: as many files as they allow, as large as they allow
 * (the first takes the total when there is one), of every family they accept in turn. Signatures
 * are bound to what they were asked for; tests of other things want one that binds nothing more.
 */
export function filesAllowedBy(limits: Readonly<Limits>): SignFileInfo[] {
  const types = SAMPLE_TYPES.filter((type) => isTypeAccepted(type, limits.accept));
  const count = limits.maxFiles;
  const { maxFileSize, maxTotalSize } = limits;
  const size = (i: number) => (maxTotalSize === undefined ? maxFileSize : i === 0 ? Math.min(maxFileSize, maxTotalSize - (count - 1)) : 1);
  return Array.from({ length: count }, (_, i) => ({ name: `file-${i}`, size: size(i), type: types[i % types.length]! }));
}

/** POST …/upload with one file in the multipart field `file` (built by undici's FormData, like a browser). */
export function uploadRequest(authorization: string | undefined, bytes: Uint8Array<ArrayBuffer>, name: string, type = '', path = '/api/upload'): Request {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body: form });
}

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Asserts the one failure shape: the status, `{ code, message }` and exactly the limit fields
 * given (`{ maxFileSize: … }` when a limit refused the file). Returns the message.
 */
export async function expectError(response: Response, status: number, code: ErrorCode, pattern: RegExp, limit: Partial<ErrorBody> = {}): Promise<string> {
  const body = await json(response);
  assert.equal(response.status, status, `status of ${JSON.stringify(body)}`);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.deepEqual(body, { code, message: body.message, ...limit });
  assert.equal(typeof body.message, 'string');
  assert.match(String(body.message), pattern);
  return String(body.message);
}
