/**
 * Request bodies whose length is known before they are sent, so that they go with a
 * `Content-Length` (never chunked: several providers refuse that), and whose file is read only as
 * fast as the provider takes it: a provider that reads slowly slows our reading of the spool file,
 * and nothing is held whole. The file is read into two buffers in turn, each read into again only
 * once the socket has taken what it held: two 32 KiB buffers an upload (200 uploads waiting on a
 * slow provider hold 12.5 MB), and no garbage per chunk.
 */
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { base64Encoder, base64Length } from '../base64.js';
import { HttpError } from '../errors.js';

/** A file on disk, sent as it is or in base64. */
export interface FilePart {
  path: string;
  /** Bytes of the file to send (more are never read). */
  size: number;
  encoding: 'raw' | 'base64';
}

/** Bytes in memory (multipart framing, a JSON envelope), or a file. */
export type BodyPart = Uint8Array | FilePart;

export interface SizedBody {
  /** Bytes, exactly: the `Content-Length`. */
  readonly length: number;
  readonly parts: readonly BodyPart[];
}

const CHUNK_BYTES = 32 * 1024;

/** A file of `size` bytes, as it is. */
export function fileBody(path: string, size: number): SizedBody {
  return { length: size, parts: [{ path, size, encoding: 'raw' }] };
}

/** The base64 of a file of `size` bytes (with padding), encoded chunk by chunk as it is sent. */
export function base64FileBody(path: string, size: number): SizedBody {
  return { length: base64Length(size), parts: [{ path, size, encoding: 'base64' }] };
}

/** The pieces one after the other. */
export function joinedBody(pieces: readonly (Uint8Array | SizedBody)[]): SizedBody {
  const parts = pieces.flatMap((piece) => (piece instanceof Uint8Array ? [piece] : piece.parts));
  const length = pieces.reduce((sum, piece) => sum + (piece instanceof Uint8Array ? piece.byteLength : piece.length), 0);
  return { length, parts };
}

/**
 * Writes the body into `destination` part by part and ends it. A file that cannot be read is a
 * 500 (our spool file, not the provider); the destination's own failure passes as it is.
 */
export async function writeBody(body: SizedBody, destination: Writable): Promise<void> {
  for (const part of body.parts) {
    if (part instanceof Uint8Array) await written(destination, part);
    else await writeFile(part, destination);
  }
  destination.end();
}

async function writeFile(part: FilePart, destination: Writable): Promise<void> {
  const file = await open(part.path, 'r').catch(unreadable);
  try {
    const encoder = part.encoding === 'base64' ? base64Encoder() : undefined;
    const buffers = [Buffer.allocUnsafeSlow(CHUNK_BYTES), Buffer.allocUnsafeSlow(CHUNK_BYTES)];
    // Each buffer's write: it is read into again once the socket has taken it (backpressure).
    const sending: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
    for (let position = 0, turn = 0; position < part.size; turn = 1 - turn) {
      await sending[turn];
      const buffer = buffers[turn]!;
      const { bytesRead } = await file.read(buffer, 0, Math.min(CHUNK_BYTES, part.size - position), position).catch(unreadable);
      if (bytesRead === 0) unreadable(new Error('The spooled file is shorter than its size.'));
      position += bytesRead;
      const bytes = buffer.subarray(0, bytesRead);
      sending[turn] = written(destination, encoder ? encoder.encode(bytes) : bytes);
      sending[turn]!.catch(() => undefined); // awaited on its next turn, or below
    }
    if (encoder) sending.push(written(destination, encoder.end()));
    await Promise.all(sending);
  } finally {
    await file.close();
  }
}

/** Resolves once `destination` has handed `chunk` on (for a socket: to the kernel). */
function written(destination: Writable, chunk: Uint8Array): Promise<void> {
  if (chunk.byteLength === 0) return Promise.resolve();
  return new Promise((resolve, reject) => destination.write(chunk, (error) => (error ? reject(error) : resolve())));
}

function unreadable(cause: unknown): never {
  throw new HttpError(500, 'server-error', 'The server could not read the uploaded file.', {}, { cause });
}
