/**
 * Errors that know their HTTP status and turn themselves into the `{ message }` JSON answer that
 * the element (and the Acrobits generic web-service contract) reads.
 */

/** A failure with a status and a message meant for the person uploading. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HttpError';
  }

  toResponse(headers?: HeadersInit): Response {
    return jsonResponse(this.status, { message: this.message }, headers);
  }
}

/** A JSON answer that is never cached (signatures and upload results are per request). */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set('Content-Type', 'application/json; charset=utf-8');
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** The answer for any thrown value; unexpected errors are logged and hidden behind a generic 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return error.toResponse();
  console.error('mms-media-upload/server: unexpected error', error);
  return jsonResponse(500, { message: 'The server could not handle the upload.' });
}

// Answers for paths that match no route, so that `toNodeHandler` can hand them to `next()`.
const unrouted = new WeakSet<Response>();

/** 404 for a path this handler does not serve. */
export function notFoundResponse(): Response {
  const response = new HttpError(404, 'Not found').toResponse();
  unrouted.add(response);
  return response;
}

/** Whether a response is the "no such route" 404 of `notFoundResponse`. */
export function isUnrouted(response: Response): boolean {
  return unrouted.has(response);
}
