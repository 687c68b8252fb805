/**
 * The Node request behind a fetch `Request` that `toNodeHandler` made. The upload route reads its
 * file from there, one Node stream piped into the multipart parser, instead of through the web
 * streams of `request.body` (three more stages, each a promise per chunk and a cost to make: about
 * 6% of the proxy's CPU at 50 uploads at once). Other routes, and other hosts, read `request.body`.
 */
import type { IncomingMessage } from 'node:http';

const nodeRequests = new WeakMap<Request, IncomingMessage>();

/** Only for a request whose body nothing has read yet. */
export function keepNodeRequest(request: Request, req: IncomingMessage): void {
  nodeRequests.set(request, req);
}

export function nodeRequestOf(request: Request): IncomingMessage | undefined {
  return nodeRequests.get(request);
}
