/**
 * Sniffing a spooled upload: from the head kept while it was spooled, and, where a long ID3 tag
 * ends past that head, one read of the file.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { SNIFF_BYTES, sniffBytes } from '../sniff.js';

/** `head`: the file's first SNIFF_BYTES bytes as spooled (all of a smaller file). */
export async function sniffFile(path: string, head?: Uint8Array): Promise<string | undefined> {
  let file: FileHandle | undefined;
  try {
    return await sniffBytes(async (offset, length) => {
      if (head && offset === 0 && length <= SNIFF_BYTES) return head.subarray(0, length);
      file ??= await open(path, 'r');
      const buffer = new Uint8Array(length);
      const { bytesRead } = await file.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    });
  } finally {
    await file?.close();
  }
}
