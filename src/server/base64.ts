/**
 * Streaming base64: encodes chunk by chunk, carrying the 0–2 bytes that do not fill a 3-byte group
 * into the next chunk, so a file and its base64 copy are never both held in memory.
 */

/** The length of the base64 (with padding) of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

export interface Base64Encoder {
  /** The base64 of what completes whole 3-byte groups so far (empty when none does). `chunk` may be reused after. */
  encode(chunk: Uint8Array): Buffer;
  /** The padded base64 of the bytes left over (empty when none are). */
  end(): Buffer;
}

export function base64Encoder(): Base64Encoder {
  let carry = Buffer.alloc(0);
  return {
    encode(chunk) {
      const piece = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      // The carried bytes and the first of this chunk make the first group.
      const taken = carry.length > 0 ? Math.min(3 - carry.length, piece.length) : 0;
      const first = taken > 0 ? Buffer.concat([carry, piece.subarray(0, taken)]) : carry;
      if (first.length > 0 && first.length < 3) {
        carry = first;
        return Buffer.alloc(0);
      }
      const end = piece.length - ((piece.length - taken) % 3);
      const text = first.toString('base64') + piece.toString('base64', taken, end);
      carry = Buffer.from(piece.subarray(end)); // a copy: the chunk may be reused
      return Buffer.from(text, 'latin1');
    },
    end() {
      const text = carry.toString('base64');
      carry = Buffer.alloc(0);
      return Buffer.from(text, 'latin1');
    },
  };
}
