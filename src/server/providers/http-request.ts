/**
 * One request with Node's own HTTP client. Its body is piped from its stream with its
 * `Content-Length`, so the socket's backpressure reaches the spool file: while the provider reads
 * slowly, the file is read slowly, and only a chunk or two of it is in memory. (Node 20's `fetch`
 * reads a request body far ahead of the socket, whatever its source: 1–2 MB an upload held while a
 * provider reads slowly.) node:http never follows a redirect; the answer's text is read up to a cap.
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readText } from './response.js';
import { writeBody, type SizedBody } from './sized-body.js';

export interface OutgoingRequest {
  method: 'POST' | 'PUT';
  /** Content-Length is the body's own, whatever these say. */
  headers: Readonly<Record<string, string>>;
  body: SizedBody;
}

export interface IncomingAnswer {
  status: number;
  /** Lower-case names, as Node gives them. */
  headers: IncomingHttpHeaders;
  /** The body as text, cut at the cap of `readText`. */
  text: string;
}

/** Sends `outgoing` to `url`; `signal` aborts it at any point (sending, waiting, reading the answer). */
export function sendRequest(url: string, outgoing: OutgoingRequest, signal: AbortSignal): Promise<IncomingAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { 'User-Agent': 'mms-media-upload', ...outgoing.headers, 'Content-Length': String(outgoing.body.length) };
    const request = send(target, { method: outgoing.method, headers, signal });
    let answered = false;
    const fail = (error: unknown) => {
      // A provider may answer before it has read the whole body (an early refusal): its answer counts.
      if (!answered) reject(error);
    };
    writeBody(outgoing.body, request).catch((error: unknown) => {
      if (answered) return; // the answer is read, then the request closed (below)
      reject(error);
      request.destroy(); // a body that stopped half-way: the provider must not wait for the rest
    });
    // Errors after the body is sent (a reset, the deadline while waiting for the answer) too.
    request.on('error', fail);

    request.once('response', (response: IncomingMessage) => {
      answered = true;
      const stop = () => response.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
      readText(response)
        .then((text) => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }), reject)
        .finally(() => {
          signal.removeEventListener('abort', stop);
          // The rest of a body the provider did not wait for is not sent; that connection is not reused.
          if (!request.writableFinished) request.destroy();
        });
    });
  });
}
