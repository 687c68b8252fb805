/**
 * How the routes take a request's body (as Hono's body limit does): refused at once when its
 * declared length is over the route's limit, and otherwise read through a counter that refuses
 * it as soon as more bytes than that have arrived (a chunked body declares no length), and a
 * clock that refuses it when it stalls or trickles (`watchPace`). A body read before the proxy
 * got it is a clear 500, not a wait for ever.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { watchPace, type BodyPace } from './body-pace.js';
import { HttpError } from './errors.js';
import { nodeRequestOf } from './node-request.js';

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
  refuseDeclaredTooLarge(request, rules);
  return guarded(request.body ?? new Blob().stream(), rules);
}

/** A body to pipe into a parser, under the same rules as `limitedBody`. */
export interface BodySource {
  stream: Readable;
  /** Called once with a refusal (too large, too slow), or when the client goes away. */
  onError(listener: (error: unknown) => void): void;
  /** Stops reading (and piping) the body: its answer closes the connection. */
  stop(): void;
}

/**
 * The body as a Node stream: the Node request itself under `toNodeHandler` (see node-request.ts),
 * and `limitedBody` otherwise. Throws as `limitedBody` does.
 */
export function bodySource(request: Request, rules: BodyRules): BodySource {
  const req = nodeRequestOf(request);
  if (!req) {
    const stream = Readable.fromWeb(limitedBody(request, rules) as NodeReadableStream<Uint8Array>);
    const stop = () => {
      stream.unpipe();
      stream.destroy(); // cancels the web body
    };
    return { stream, onError: (listener) => stream.on('error', listener), stop };
  }
  refuseDeclaredTooLarge(request, rules);
  return watchedNodeBody(req, rules);
}

function refuseDeclaredTooLarge(request: Request, rules: BodyRules): void {
  if (Number(request.headers.get('content-length')) > rules.maxBytes) throw rules.tooLarge();
}

/**
 * The Node request with the counter and the clock listening to it (no stage of their own). It is
 * never destroyed here: a refusal still has to be answered on its socket.
 */
function watchedNodeBody(req: IncomingMessage, rules: BodyRules): BodySource {
  let listener: (error: unknown) => void = () => {};
  const fail = (error: unknown) => {
    stop();
    listener(error);
  };
  const meter = bodyMeter(rules, fail);
  const onData = (chunk: Buffer) => meter.count(chunk.length);
  const onGone = () => fail(new Error('The client closed the connection before the upload was complete.'));
  const onClose = () => {
    if (!req.complete) onGone();
  };
  // Once the body is in, nothing that happens to the connection concerns the file any more.
  const detach = () => {
    meter.stop();
    req.off('data', onData);
    req.off('error', onGone);
    req.off('close', onClose);
    req.off('end', detach);
  };
  const stop = () => {
    detach();
    req.unpipe();
    req.pause();
  };
  req.on('data', onData);
  req.on('error', onGone);
  req.on('close', onClose);
  req.on('end', detach);
  return { stream: req, onError: (callback) => (listener = callback), stop };
}

/**
 * The counter and the clock on a body, whichever stream it comes through: `count` takes each
 * chunk's size; a body over `maxBytes`, or too slow, is refused through `refuse`.
 */
function bodyMeter(rules: BodyRules, refuse: (error: HttpError) => void): { count(bytes: number): void; stop(): void } {
  let received = 0;
  const watch = watchPace(rules.pace, refuse);
  return {
    count(bytes) {
      received += bytes;
      watch.progress(bytes);
      if (received > rules.maxBytes) refuse(rules.tooLarge());
    },
    stop: () => watch.stop(),
  };
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
  let refused = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // Stops reading the request: the route's answer closes the connection.
  const refuse = (error: HttpError) => {
    refused = true;
    meter.stop();
    controller.error(error);
    reader.cancel(error).catch(() => undefined);
  };
  const meter = bodyMeter(rules, refuse);
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
          meter.stop();
          if (refused) return;
          throw error;
        }
        // Refused by the clock while this read waited: the stream already holds the 408.
        if (refused) return;
        if (chunk.done) {
          meter.stop();
          return controller.close();
        }
        meter.count(chunk.value.byteLength);
        if (!refused) controller.enqueue(chunk.value);
      },
      cancel(reason) {
        meter.stop();
        return reader.cancel(reason);
      },
    },
    // Nothing is read before the route asks.
    { highWaterMark: 0 },
  );
}
