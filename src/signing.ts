/**
 * The signer contract: before uploading, the element asks the app's backend for a short-lived
 * signature (headers, form fields, maybe another URL or method) and puts it on each request.
 * The provider's credentials stay on the server.
 */
import type { SignFileInfo, UploadSignature } from './protocol.js';
import { readServerError, type ServerError } from './response.js';

export type { SignFileInfo, UploadSignature };

export type Signer = (files: SignFileInfo[]) => Promise<UploadSignature>;

/** A signing failure, with what the signature endpoint said about it (its message and code). */
export class SigningError extends Error {
  readonly serverMessage?: string;
  readonly code?: string;
  readonly status?: number;

  constructor(error: ServerError = {}, status?: number) {
    super(error.serverMessage ?? 'signing failed');
    this.name = 'SigningError';
    this.serverMessage = error.serverMessage;
    this.code = error.code;
    this.status = status;
  }
}

/** Renew a little before the stated expiry so the request does not arrive just too late. */
const EXPIRY_MARGIN_MS = 5000;

export function isSignatureExpired(signature: UploadSignature, now = Date.now()): boolean {
  if (!signature.expires_at) return false;
  const expiresAt = Date.parse(signature.expires_at);
  return Number.isNaN(expiresAt) || expiresAt - EXPIRY_MARGIN_MS <= now;
}

/** A signer that POSTs `{ files }` as JSON to the app's signature endpoint (same-origin cookies). */
export function signatureEndpointSigner(endpoint: string): Signer {
  return async (files) => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ files }),
      });
    } catch {
      throw new SigningError();
    }
    const text = await response.text();
    if (!response.ok) {
      const error = readServerError({
        status: response.status,
        responseText: text,
        getResponseHeader: (name) => response.headers.get(name),
      });
      throw new SigningError(error, response.status);
    }
    try {
      return validSignature(JSON.parse(text));
    } catch {
      throw new SigningError({}, response.status);
    }
  };
}

/** Keeps only well-formed parts of a signature, so bad JSON fails here and not mid-upload. */
export function validSignature(value: unknown): UploadSignature {
  if (typeof value !== 'object' || value === null) throw new TypeError('signature is not an object');
  const input = value as Record<string, unknown>;
  const signature: UploadSignature = {};
  if (typeof input.url === 'string') signature.url = input.url;
  if (typeof input.method === 'string') signature.method = input.method.toUpperCase();
  if (typeof input.expires_at === 'string') signature.expires_at = input.expires_at;
  const headers = sendableHeaders(stringRecord(input.headers));
  if (headers) signature.headers = headers;
  const fields = stringRecord(input.fields);
  if (fields) signature.fields = fields;
  return signature;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

/** HTTP header names are tokens, and values hold no line breaks: anything else cannot be sent. */
function sendableHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) && !/[\r\n\0]/.test(value)));
}
