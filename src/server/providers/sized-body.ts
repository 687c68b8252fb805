/**
 * Request bodies whose length is known before they are sent, so that they go with a
 * `Content-Length` (never chunked: several providers refuse that), and whose bytes are read from
 * the spool file only as fast as the provider takes them: a provider that reads slowly slows our
 * reading of the file, and nothing is held whole (see http-request.ts).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { base64Length, encodeBase64 } from '../base64.js';

export interface SizedBody {
  /** Bytes, exactly: the `Content-Length`. */
  readonly length: number;
  /** A new stream of the bytes each time, reading ahead at most a chunk or two. */
  open(): Readable;
}

/** Bytes in memory (multipart framing, a JSON envelope), or a body of its own. */
export type BodyPiece = Uint8Array | SizedBody;

/** A file on disk of `size` bytes (more than that is never read). */
export function fileBody(path: string, size: number): SizedBody {
  return { length: size, open: () => (size === 0 ? Readable.from([]) : createReadStream(path, { start: 0, end: size - 1 })) };
}

/** The base64 of `source` (with padding), encoded chunk by chunk as it is read. */
export function base64Body(source: SizedBody): SizedBody {
  return { length: base64Length(source.length), open: () => Readable.from(encodeBase64(source.open()), { objectMode: false }) };
}

/** The pieces one after the other. */
export function joinedBody(pieces: readonly BodyPiece[]): SizedBody {
  const length = pieces.reduce((sum, piece) => sum + (piece instanceof Uint8Array ? piece.byteLength : piece.length), 0);
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for (const piece of pieces) {
      if (piece instanceof Uint8Array) yield piece;
      else yield* piece.open();
    }
  }
  return { length, open: () => Readable.from(bytes(), { objectMode: false }) };
}
