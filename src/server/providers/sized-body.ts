/**
 * Request bodies whose length is known before they are sent, so that they go with a
 * `Content-Length` (never chunked: several providers refuse that), and whose bytes are read from
 * the spool file only as fast as the provider takes them: a provider that reads slowly slows our
 * reading of the file, and nothing is held whole. Parts are streamed one after the other with
 * plain pipes (no promise per chunk).
 */
import { createReadStream } from 'node:fs';
import { pipeline as pipeStreams, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError } from '../errors.js';
import { base64Encoder, base64Length } from '../base64.js';

/** Bytes in memory (multipart framing, a JSON envelope), or a stream opened when its turn comes. */
export type BodyPart = Uint8Array | (() => Readable);

export interface SizedBody {
  /** Bytes, exactly: the `Content-Length`. */
  readonly length: number;
  readonly parts: readonly BodyPart[];
}

/** A file on disk of `size` bytes (more than that is never read). */
export function fileBody(path: string, size: number): SizedBody {
  return { length: size, parts: size > 0 ? [() => fileStream(path, size)] : [] };
}

/** The base64 of a file of `size` bytes (with padding), encoded chunk by chunk as it is sent. */
export function base64FileBody(path: string, size: number): SizedBody {
  const encoded = () => pipeStreams(fileStream(path, size), base64Encoder(), () => undefined); // an error reaches the encoder, hence the request
  return { length: base64Length(size), parts: size > 0 ? [encoded] : [] };
}

/** The pieces one after the other. */
export function joinedBody(pieces: readonly (Uint8Array | SizedBody)[]): SizedBody {
  const parts = pieces.flatMap((piece) => (piece instanceof Uint8Array ? [piece] : piece.parts));
  const length = pieces.reduce((sum, piece) => sum + (piece instanceof Uint8Array ? piece.byteLength : piece.length), 0);
  return { length, parts };
}

/**
 * Writes the body into `destination` part by part, each at the destination's pace, and ends it.
 * A part that cannot be read is a 500 (our spool file, not the provider); the destination's own
 * failure passes as it is.
 */
export async function writeBody(body: SizedBody, destination: Writable): Promise<void> {
  for (const part of body.parts) {
    const source = part instanceof Uint8Array ? Readable.from([part]) : part();
    let unreadable: unknown;
    source.once('error', (error) => (unreadable = error));
    try {
      await pipeline(source, destination, { end: false });
    } catch (error) {
      if (unreadable) throw new HttpError(500, 'server-error', 'The server could not read the uploaded file.', {}, { cause: unreadable });
      throw error;
    }
  }
  destination.end();
}

function fileStream(path: string, size: number): Readable {
  return createReadStream(path, { start: 0, end: size - 1 });
}
