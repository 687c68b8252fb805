/**
 * How the routes take a request's body (as Hono's body limit does): refused at once when its
 * declared length is over the route's limit, and otherwise read through a counter that refuses
 * it as soon as more bytes than that have arrived (a chunked body declares no length).
 */
import type { HttpError } from './errors.js';

export interface BodyLimit {
  /** The most bytes the route takes. */
  maxBytes: number;
  /** The refusal of a body over `maxBytes` (a 413 in the route's words). */
  tooLarge: () => HttpError;
}

/** The body to read, or a throw of `tooLarge()` when its declared length is already over. */
export function limitedBody(request: Request, limit: BodyLimit): ReadableStream<Uint8Array> {
  if (Number(request.headers.get('content-length')) > limit.maxBytes) throw limit.tooLarge();
  return counted(request.body ?? new Blob().stream(), limit);
}

function counted(body: ReadableStream<Uint8Array>, limit: BodyLimit): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) return controller.close();
        received += value.byteLength;
        if (received > limit.maxBytes) {
          const error = limit.tooLarge();
          controller.error(error);
          await reader.cancel(error); // stop reading the request: its answer closes the connection
          return;
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Nothing is read before the route asks.
    { highWaterMark: 0 },
  );
}
