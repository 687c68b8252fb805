/**
 * HTTP/1.1 over a raw `node:net` socket, for requests no well-behaved client sends: a body that
 * goes on after the answer, a declared length that never arrives, a body that trickles.
 */
import { connect } from 'node:net';

export interface RawExchangeOptions {
  /** The request line and headers, without the blank line that ends them. */
  head: string;
  /** Sent first in the body (a multipart part's head). */
  bodyPrefix?: string;
  /** Body bytes to send after the prefix, as fast as the socket takes them (0: none). */
  bodyBytes?: number;
  /** Frame the body in chunks (with `Transfer-Encoding: chunked` in `head`). */
  chunked?: boolean;
  /** Send `bodyBytes` in pieces of `bytes`, one every `everyMs`, instead of as fast as possible. */
  trickle?: { bytes: number; everyMs: number };
  /** Close our side as soon as the whole answer has arrived (a polite client); else wait for the server. */
  closeOnAnswer?: boolean;
  /** Give up (and report `closedByServer: false`) after this long: a guard against hangs, not a timing check. */
  timeoutMs?: number;
}

export interface RawAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export interface RawExchange {
  /** The whole answer, once it arrived; undefined when none did. */
  answer?: RawAnswer;
  /** Body bytes the socket took before it closed. */
  written: number;
  /** Whether the server closed the connection (rather than our timeout or our own close). */
  closedByServer: boolean;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x41);

export function rawExchange(origin: string, options: RawExchangeOptions): Promise<RawExchange> {
  const { port, hostname } = new URL(origin);
  const bodyBytes = options.bodyBytes ?? 0;
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let answer: RawAnswer | undefined;
    let written = 0;
    let settled = false;
    const settle = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      socket.destroy();
      resolve({ answer, written, closedByServer });
    };
    const guard = setTimeout(() => settle(false), options.timeoutMs ?? 20_000);

    const frame = (chunk: Buffer) => (options.chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk);
    const { trickle } = options;
    const drip = () => {
      if (settled || written >= bodyBytes || !trickle) return;
      const chunk = CHUNK.subarray(0, Math.min(trickle.bytes, bodyBytes - written));
      written += chunk.length;
      socket.write(frame(chunk));
      setTimeout(drip, trickle.everyMs);
    };
    const pump = () => {
      if (trickle) return drip();
      while (!settled && written < bodyBytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, bodyBytes - written));
        written += chunk.length;
        if (!socket.write(frame(chunk))) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.on('connect', () => {
      socket.write(`${options.head}\r\n\r\n`);
      if (options.bodyPrefix) socket.write(frame(Buffer.from(options.bodyPrefix)));
      pump();
    });
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      answer ??= parseAnswer(received);
      if (answer && options.closeOnAnswer) settle(false);
    });
    // A reset or a broken pipe is the server closing too, only less politely.
    socket.on('error', () => settle(true));
    socket.on('end', () => settle(true));
  });
}

/** The answer once all of it has arrived (Content-Length or chunked), else undefined. */
function parseAnswer(bytes: Buffer): RawAnswer | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(end + 4);
  let body: Buffer;
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.length < length) return undefined;
    body = rest.subarray(0, length);
  } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const whole = dechunk(rest);
    if (!whole) return undefined;
    body = whole;
  } else {
    return undefined;
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString('utf8') };
}

/** A chunked body once its last chunk has arrived. */
function dechunk(bytes: Buffer): Buffer | undefined {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    const start = lineEnd + 2;
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(chunks);
    if (bytes.length < start + size + 2) return undefined;
    chunks.push(bytes.subarray(start, start + size));
    at = start + size + 2;
  }
}
