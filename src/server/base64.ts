/**
 * Streaming base64: encodes chunk by chunk, carrying the 0–2 bytes that do not fill a 3-byte group
 * into the next chunk, so a file and its base64 copy are never both held in memory.
 */

/** The length of the base64 (with padding) of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

export async function* encodeBase64(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry = Buffer.alloc(0);
  for await (const piece of source) {
    let chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    let out = '';
    if (carry.length > 0) {
      const needed = 3 - carry.length;
      if (chunk.length < needed) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      out = Buffer.concat([carry, chunk.subarray(0, needed)]).toString('base64');
      chunk = chunk.subarray(needed);
    }
    const whole = chunk.length - (chunk.length % 3);
    out += chunk.toString('base64', 0, whole);
    carry = Buffer.from(chunk.subarray(whole)); // a copy: the source may reuse its buffer
    if (out) yield Buffer.from(out, 'latin1');
  }
  if (carry.length > 0) yield Buffer.from(carry.toString('base64'), 'latin1');
}
