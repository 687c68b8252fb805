/**
 * Answering a request whose body has not all been read (a 401 before the body, a 413 part-way,
 * a 408 for a stalled upload): the answer says `Connection: close`, and the rest of the body is
 * not drained. The connection is not cut at once either: a socket closed with unread data sends a
 * reset, which can destroy the answer before the client reads it. So the server lingers: it
 * drops at most LINGER_BYTES more, for at most LINGER_MS, or until the client closes, then closes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeHead } from './response-head.js';

/** What a refused client may still send, dropped, while its answer reaches it. */
const LINGER_BYTES = 256 * 1024;
/** How long the connection waits for the client to close first. */
const LINGER_MS = 2000;

/** Whether the request's body is still (partly) on its way: its answer must close the connection. */
export function bodyUnfinished(req: IncomingMessage): boolean {
  // HTTP/2 has no `Connection` header: a stream that ends early costs nothing there.
  return !req.complete && req.httpVersionMajor === 1;
}

export async function answerAndClose(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Refusals are a few hundred bytes: sent whole, with their length, so that the client knows
  // the answer is complete while the connection is still open.
  const body = Buffer.from(await response.arrayBuffer());
  writeHead(response, res);
  res.setHeader('Connection', 'close');
  res.setHeader('Content-Length', body.length);
  await new Promise<void>((resolve) => res.write(body, () => resolve()));
  await linger(req);
  res.end();
}

/** Drops what still arrives, up to LINGER_BYTES, until the client closes or LINGER_MS have passed. */
function linger(req: IncomingMessage): Promise<void> {
  if (req.destroyed || req.complete) return Promise.resolve();
  return new Promise((resolve) => {
    let dropped = 0;
    const drop = (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) {
        req.off('data', drop);
        req.pause(); // no more reading: the rest waits in the socket until it closes
      }
    };
    const done = () => {
      clearTimeout(timer);
      req.off('data', drop);
      req.off('end', done);
      req.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, LINGER_MS);
    req.on('data', drop);
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}
