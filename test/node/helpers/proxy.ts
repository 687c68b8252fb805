/** Shared setup for the proxy tests: a secret, signatures, upload requests as the element sends them, and the failure shape. */
import assert from 'node:assert/strict';
import type { Limits } from '../../../src/limits.js';
import type { ErrorBody, ErrorCode } from '../../../src/protocol.js';
import { createUploadSigner } from '../../../src/server/index.js';

export const SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
export const ORIGIN = 'http://app.test';

/** A fresh `Authorization` header value, as the sign route would give it. */
export function bearer(options: { limits?: Partial<Limits>; ttlSeconds?: number; secret?: string } = {}): string {
  const signer = createUploadSigner({ secret: options.secret ?? SECRET, ttlSeconds: options.ttlSeconds, limits: options.limits });
  return signer.sign({ subject: 'user-1', files: [] }).headers.Authorization;
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
