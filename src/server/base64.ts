/**
 * Streaming base64: a Transform that encodes chunk by chunk, carrying the 0–2 bytes that do not
 * fill a 3-byte group into the next chunk, so a file and its base64 copy are never both held in
 * memory. Each chunk is encoded straight into the Buffer that goes on: no base64 string in between
 * (a string per chunk of every upload in flight made the heap grow by tens of MB).
 */
import { Transform } from 'node:stream';

const ALPHABET = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 'latin1');
const PAD = 0x3d; // '='

/** The length of the base64 (with padding) of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

export function base64Encoder(): Transform {
  let carry = Buffer.alloc(0);
  return new Transform({
    transform(piece: Buffer, _encoding, callback) {
      // The carried bytes and the first of this piece make one group, written first.
      const taken = carry.length > 0 ? Math.min(3 - carry.length, piece.length) : 0;
      const first = taken > 0 ? Buffer.concat([carry, piece.subarray(0, taken)]) : carry;
      if (first.length > 0 && first.length < 3) {
        carry = first;
        return callback();
      }
      const end = piece.length - ((piece.length - taken) % 3);
      const out = Buffer.allocUnsafe((first.length + end - taken) / 3 * 4);
      encodeGroups(first, 0, first.length, out, 0);
      encodeGroups(piece, taken, end, out, (first.length / 3) * 4);
      carry = Buffer.from(piece.subarray(end)); // a copy: the source may reuse its buffer
      callback(null, out.length > 0 ? out : undefined);
    },
    flush(callback) {
      callback(null, carry.length > 0 ? encodeLast(carry) : undefined);
    },
  });
}

/** Writes the base64 of `bytes[start, end)` (a multiple of 3 bytes) into `out` at `at`. */
function encodeGroups(bytes: Uint8Array, start: number, end: number, out: Uint8Array, at: number): void {
  for (let i = start, j = at; i < end; i += 3, j += 4) {
    const group = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[j] = ALPHABET[group >>> 18]!;
    out[j + 1] = ALPHABET[(group >>> 12) & 63]!;
    out[j + 2] = ALPHABET[(group >>> 6) & 63]!;
    out[j + 3] = ALPHABET[group & 63]!;
  }
}

/** The padded base64 of the last 1 or 2 bytes. */
function encodeLast(bytes: Uint8Array): Buffer {
  const group = (bytes[0]! << 16) | ((bytes[1] ?? 0) << 8);
  const out = Buffer.from([ALPHABET[group >>> 18]!, ALPHABET[(group >>> 12) & 63]!, ALPHABET[(group >>> 6) & 63]!, PAD]);
  if (bytes.length === 1) out[2] = PAD;
  return out;
}
