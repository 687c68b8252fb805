/**
 * How the routes take a request's body (as Hono's body limit does): refused at once when its
 * declared length is over the route's limit, and otherwise read through a counter that refuses
 * it as soon as more bytes than that have arrived (a chunked body declares no length), and a
 * clock that refuses it when it stalls or trickles (`watchPace`).
 */
import { watchPace, type BodyPace } from './body-pace.js';
import type { HttpError } from './errors.js';

export interface BodyRules {
  /** The most bytes the route takes. */
  maxBytes: number;
  /** The refusal of a body over `maxBytes` (a 413 in the route's words). */
  tooLarge: () => HttpError;
  /** How slow the body may be. */
  pace: BodyPace;
}

/** The body to read, or a throw of `tooLarge()` when its declared length is already over. */
export function limitedBody(request: Request, rules: BodyRules): ReadableStream<Uint8Array> {
  if (Number(request.headers.get('content-length')) > rules.maxBytes) throw rules.tooLarge();
  return guarded(request.body ?? new Blob().stream(), rules);
}

function guarded(body: ReadableStream<Uint8Array>, rules: BodyRules): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  let refused = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // Stops reading the request: the route's answer closes the connection.
  const refuse = (error: HttpError) => {
    refused = true;
    watch.stop();
    controller.error(error);
    reader.cancel(error).catch(() => undefined);
  };
  const watch = watchPace(rules.pace, refuse);
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      async pull() {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          watch.stop();
          if (refused) return;
          throw error;
        }
        // Refused by the clock while this read waited: the stream already holds the 408.
        if (refused) return;
        if (chunk.done) {
          watch.stop();
          return controller.close();
        }
        received += chunk.value.byteLength;
        watch.progress(chunk.value.byteLength);
        if (received > rules.maxBytes) refuse(rules.tooLarge());
        else controller.enqueue(chunk.value);
      },
      cancel(reason) {
        watch.stop();
        return reader.cancel(reason);
      },
    },
    // Nothing is read before the route asks.
    { highWaterMark: 0 },
  );
}
