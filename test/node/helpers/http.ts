/** Loopback servers, temp dirs and hand-built multipart bodies for the server tests. */
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Listening {
  server: Server;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** A real http server on 127.0.0.1, port 0. */
export async function listen(listener: RequestListener): Promise<Listening> {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An origin where nothing listens: a port that was free a moment ago. */
export async function closedOrigin(): Promise<string> {
  const { origin, close } = await listen(() => undefined);
  await close();
  return origin;
}

export interface TempDir {
  path: string;
  list(): Promise<string[]>;
  remove(): Promise<void>;
}

export async function tempDir(prefix: string): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), `mms-${prefix}-`));
  return { path, list: () => readdir(path), remove: () => rm(path, { recursive: true, force: true }) };
}

/** Polls until `check` is true; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Part {
  name: string;
  /** A file part when set. Sent raw, unless `encodeFilename`. */
  filename?: string;
  /** Send the name as RFC 5987 `filename*=UTF-8''…`, which may carry any character (CR/LF, quotes). */
  encodeFilename?: boolean;
  type?: string;
  data: Uint8Array | string;
}

export const BOUNDARY = 'mms-test-boundary-7MA4YWxkTrZu0gW';

/** The head and tail of a part, around its data. */
function partHead(part: Part): string {
  let disposition = `form-data; name="${part.name}"`;
  if (part.filename !== undefined) {
    disposition += part.encodeFilename
      ? `; filename*=UTF-8''${encodeURIComponent(part.filename)}`
      : `; filename="${part.filename}"`;
  }
  const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
  return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`;
}

/** A whole multipart body in memory (small files). */
export function multipartBody(parts: readonly Part[]): Uint8Array<ArrayBuffer> {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    pieces.push(Buffer.from(partHead(part), 'utf8'), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return new Uint8Array(Buffer.concat(pieces));
}

export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

export interface CountedStream {
  stream: ReadableStream<Uint8Array>;
  /** Bytes the consumer pulled so far. */
  readonly pulled: number;
  readonly cancelled: boolean;
  readonly total: number;
}

/**
 * A multipart body with one file part whose `size` bytes are generated chunk by chunk (the head
 * from `head`, then filler) — never held whole — and which counts what its consumer pulls.
 */
export function streamedFileBody(options: { head: Uint8Array; size: number; filename: string; type: string; chunkSize?: number }): CountedStream {
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const before = Buffer.from(partHead({ name: 'file', filename: options.filename, type: options.type, data: '' }), 'utf8');
  const after = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const total = before.length + options.size + after.length;
  let offset = 0; // within the file's bytes
  let stage: 'before' | 'file' | 'after' | 'done' = 'before';
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk: Uint8Array;
      if (stage === 'before') {
        chunk = before;
        stage = 'file';
      } else if (stage === 'file') {
        const length = Math.min(chunkSize, options.size - offset);
        const bytes = new Uint8Array(length).fill(0x41);
        const fromHead = options.head.subarray(offset, offset + length);
        bytes.set(fromHead);
        chunk = bytes;
        offset += length;
        if (offset >= options.size) stage = 'after';
      } else if (stage === 'after') {
        chunk = after;
        stage = 'done';
      } else {
        controller.close();
        return;
      }
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 }); // nothing is pulled before the consumer reads
  return {
    stream,
    get pulled() {
      return state.pulled;
    },
    get cancelled() {
      return state.cancelled;
    },
    total,
  };
}
