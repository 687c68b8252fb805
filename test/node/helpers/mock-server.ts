/**
 * The frame of the mock providers (mock-providers.ts): a loopback server that reads each request
 * whole (at full speed, slowly, or not while held), records it, parses a multipart body, and sends
 * the provider's answer, or one forced by a test.
 */
import busboy from 'busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, type Listening } from './http.js';
import { readPaced, ReadingGate, type ReadPace } from './paced-reading.js';

export interface RecordedFile {
  field: string;
  filename: string;
  type: string;
  bytes: Buffer;
}

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Raw body (JSON and PUT providers). */
  body: Buffer;
  fields: Record<string, string>;
  files: RecordedFile[];
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Mock extends Listening {
  requests: Recorded[];
  /** Answer the next request with this, after recording it (for error mapping). */
  replyOnce(reply: Reply): void;
  /**
   * Record the requests that arrive from now on, but answer none of them until the returned
   * function is called: a provider that is slow for exactly as long as a test needs.
   */
  hold(): () => void;
  /**
   * Record the next request and never answer it (a provider that hangs once, until its caller
   * gives up or the mock closes); the requests after it are answered as usual.
   */
  hangOnce(): void;
  /** Requests whose headers have arrived, read or not. */
  readonly arrivals: number;
  /** Stop reading request bodies (what is not read stays in the sockets) until the returned function is called. */
  holdReading(): () => void;
}

/** How a mock reads; by default at full speed, keeping every request in `requests`. */
export interface MockOptions {
  /** Read bodies slowly: the sender's writes wait on ours. */
  pace?: ReadPace;
  /** Keep each request (and its body) in `requests`; false for long benches. Default true. */
  keep?: boolean;
}

/** The provider's answer to a request it has read whole. */
export type Answer = (request: Recorded) => Reply;

/** A mock on 127.0.0.1 that reads each request whole (as `options` say), records it and answers it. */
export async function startMock(answer: Answer, options: MockOptions = {}): Promise<Mock> {
  const requests: Recorded[] = [];
  const forced: Reply[] = [];
  const reading = new ReadingGate();
  let held: Promise<void> = Promise.resolve();
  let hangs = 0;
  let arrivals = 0;
  const listening = await listen((req, res) => {
    arrivals += 1;
    void record(req, readPaced(req, reading, options.pace)).then(
      async (recorded) => {
        if (options.keep !== false) requests.push(recorded);
        if (hangs > 0) {
          hangs -= 1;
          return;
        }
        await held;
        try {
          send(res, forced.shift() ?? answer(recorded));
        } catch (error) {
          send(res, { status: 500, body: `mock failed: ${String(error)}` });
        }
      },
      () => send(res, { status: 400, body: 'unreadable request' }),
    );
  });
  const hold = () => {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    return () => {
      held = Promise.resolve();
      release();
    };
  };
  const hangOnce = () => {
    hangs += 1;
  };
  return {
    ...listening,
    requests,
    replyOnce: (reply) => forced.push(reply),
    hold,
    hangOnce,
    get arrivals() {
      return arrivals;
    },
    holdReading: () => reading.hold(),
  };
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

async function record(req: IncomingMessage, chunks: AsyncIterable<Buffer>): Promise<Recorded> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const body = Buffer.concat(parts);
  const recorded: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, fields: {}, files: [] };
  if (/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) await parseMultipart(req, body, recorded);
  return recorded;
}

function parseMultipart(req: IncomingMessage, body: Buffer, recorded: Recorded): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: req.headers, defParamCharset: 'utf8' });
    parser.on('field', (name, value) => {
      recorded.fields[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      const parts: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => parts.push(chunk));
      stream.on('end', () => recorded.files.push({ field, filename: info.filename ?? '', type: info.mimeType, bytes: Buffer.concat(parts) }));
    });
    parser.on('close', resolve);
    parser.on('error', reject);
    parser.end(body);
  });
}
