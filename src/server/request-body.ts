/**
 * How the routes take a request's body (as Hono's body limit does): refused at once when its
 * declared length is over the route's limit, and otherwise read through a counter that refuses
 * it as soon as more bytes than that have arrived (a chunked body declares no length), and a
 * clock that refuses it when it stalls or trickles (`watchPace`). A body read before the proxy
 * got it is a clear 500, not a wait for ever.
 */
import { watchPace, type BodyPace } from './body-pace.js';
import { HttpError } from './errors.js';

export interface BodyRules {
  /** The most bytes the route takes. */
  maxBytes: number;
  /** The refusal of a body over `maxBytes` (a 413 in the route's words). */
  tooLarge: () => HttpError;
  /** How slow the body may be. */
  pace: BodyPace;
}

/**
 * The body to read; a throw of `tooLarge()` when its declared length is already over, or of
 * `bodyAlreadyRead()` when something before the proxy read it (a fetch `Request` that was used).
 */
export function limitedBody(request: Request, rules: BodyRules): ReadableStream<Uint8Array> {
  if (request.bodyUsed) throw bodyAlreadyRead();
  if (Number(request.headers.get('content-length')) > rules.maxBytes) throw rules.tooLarge();
  return guarded(request.body ?? new Blob().stream(), rules);
}

const ALREADY_READ =
  'The request body was read before it reached mms-media-upload/server (a body parser such as express.json() runs first). ' +
  'Mount the proxy before any body parser, or keep body parsers off its routes.';

/**
 * The 500 for a body that an app's middleware read first: without it the route would wait for
 * bytes that never come. Logged too, as it is the server's setup, not the user, that is wrong.
 */
export function bodyAlreadyRead(): HttpError {
  console.error(`mms-media-upload/server: ${ALREADY_READ}`);
  return new HttpError(500, 'server-error', ALREADY_READ);
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
