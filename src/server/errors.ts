/**
 * Errors that know their HTTP status and code, and turn themselves into the one failure answer
 * of the proxy: JSON `{ code, message }` (`ErrorBody`), with the limit that refused a file when
 * one did. Programs (the element) read `code`; people and the Acrobits generic web-service
 * contract read `message`.
 */
import type { ErrorBody, ErrorCode } from '../protocol.js';

/** The limit fields of an `ErrorBody`: what refused the file, for the browser to word itself. */
export type RefusedLimit = Omit<ErrorBody, 'code' | 'message'>;

export interface HttpErrorOptions {
  cause?: unknown;
  /** Sent with the answer (`Allow` on a 405, a provider's `Retry-After` on a 429). */
  headers?: Record<string, string>;
}

/** A failure with a status, a code, and a message meant for the person uploading. */
export class HttpError extends Error {
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly limit: RefusedLimit = {},
    options: HttpErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'HttpError';
    this.headers = options.headers ?? {};
  }

  get body(): ErrorBody {
    return { code: this.code, message: this.message, ...this.limit };
  }

  toResponse(): Response {
    return jsonResponse(this.status, this.body, this.headers);
  }
}

/** A JSON answer that is never cached (signatures and upload results are per request). */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set('Content-Type', 'application/json; charset=utf-8');
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** The browser went away: nobody reads this answer, but the work stops. */
export const uploadCancelled = (cause?: unknown): HttpError => new HttpError(400, 'bad-request', 'The upload was cancelled.', {}, { cause });

/** The answer for any thrown value; anything unexpected is logged, and hidden behind a generic 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return error.toResponse();
  console.error('mms-media-upload/server: unexpected error', error);
  return new HttpError(500, 'server-error', 'The server could not handle the upload.').toResponse();
}

// Answers for paths that match no route, so that `toNodeHandler` can hand them to `next()`.
const unrouted = new WeakSet<Response>();

/** 404 for a path this handler does not serve. */
export function notFoundResponse(): Response {
  const response = new HttpError(404, 'not-found', 'Not found').toResponse();
  unrouted.add(response);
  return response;
}

/** Whether a response is the "no such route" 404 of `notFoundResponse`. */
export function isUnrouted(response: Response): boolean {
  return unrouted.has(response);
}
