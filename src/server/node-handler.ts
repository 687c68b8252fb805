/**
 * `toNodeHandler`: runs a fetch-standard handler under `http.createServer`, Express, Connect or
 * Vite's middleware. The request body is streamed, not buffered; a client that goes away aborts
 * `request.signal` and errors the body stream, and never crashes the process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { answerAndClose, bodyUnfinished } from './close-connection.js';
import { errorResponse, HttpError, isUnrouted } from './errors.js';
import { keepNodeRequest } from './node-request.js';
import { bodyAlreadyRead } from './request-body.js';
import { writeHead } from './response-head.js';
import type { FetchHandler } from './proxy.js';

export type NextFunction = (error?: unknown) => void;
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: NextFunction) => void;

/**
 * With `next` (middleware), paths the handler has no route for go on to the next middleware,
 * and unexpected errors go to `next(error)`.
 */
export function toNodeHandler(handler: FetchHandler): NodeHandler {
  return (req, res, next) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('The client went away.'));
    });
    let request: Request;
    try {
      request = toRequest(req, controller.signal);
    } catch {
      void writeResponse(new HttpError(400, 'bad-request', 'The request could not be read.').toResponse(), req, res);
      return;
    }
    handler(request)
      .then(async (response) => {
        if (next && isUnrouted(response)) return next();
        await writeResponse(response, req, res);
      })
      .catch((error: unknown) => {
        if (next) return next(error);
        if (!res.headersSent) return writeResponse(errorResponse(error), req, res);
        res.destroy();
      });
  };
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  // Express and Connect strip their mount path from req.url; routes match the end of the path anyway.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  let url: URL;
  try {
    url = new URL(path, `${scheme}://${req.headers.host ?? 'localhost'}`);
  } catch {
    url = new URL(path, `${scheme}://localhost`);
  }
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (!name.startsWith(':')) headers.append(name, req.rawHeaders[i + 1]!); // skip HTTP/2 pseudo-headers
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const unread = hasBody && !alreadyRead(req);
  if (hasBody) {
    init.body = unread ? bodyStream(req) : erroredBody();
    init.duplex = 'half';
  }
  const request = new Request(url, init);
  if (unread) keepNodeRequest(request, req);
  return request;
}

/**
 * Whether something before the handler read the body (`express.json()`, any body parser): then
 * no byte of it will come. Whether it left `req.body` does not matter (Express 4 sets `{}` for
 * bodies it does not parse, and leaves the stream unread).
 */
function alreadyRead(req: IncomingMessage): boolean {
  return req.readableDidRead || req.readableEnded;
}

/** A body that fails when a route reads it, with the 500 that says why; paths with no route go on to `next`. */
function erroredBody(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(bodyAlreadyRead()) }, { highWaterMark: 0 });
}

/**
 * The request body as a web stream. It starts reading only when the handler reads (so a 401 or
 * a `next()` leaves the body untouched), and stops reading when the handler stops early (a 413):
 * the rest is not drained, the answer closes the connection (`answerAndClose`).
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let finished = false;
  let reading = false;
  let clientGone = false;

  const onData = (chunk: Buffer) => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const onEnd = () => {
    if (finished) return;
    finished = true;
    controller.close();
  };
  const onGone = () => {
    clientGone = true;
    if (finished || !reading) return;
    finished = true;
    controller.error(new Error('The client closed the connection before the upload was complete.'));
  };
  // Listened to from the start: a client may go away before the handler reads anything.
  req.on('error', onGone);
  req.on('close', () => {
    if (!req.complete) onGone();
  });

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        if (!reading) {
          reading = true;
          if (clientGone) return onGone();
          req.on('data', onData);
          req.on('end', onEnd);
        }
        req.resume();
      },
      cancel() {
        finished = true;
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
      },
    },
    // No read-ahead: pull() runs only when the handler asks for more.
    { highWaterMark: 0 },
  );
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (bodyUnfinished(req)) return answerAndClose(response, req, res);
  writeHead(response, res);
  if (!response.body || req.method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
  } catch {
    // The client went away while the answer was being sent: nothing left to do.
  }
}
