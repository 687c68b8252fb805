/**
 * Sniffing a spooled upload: from the head kept while it was spooled, and, where a long ID3 tag
 * ends past that head, one read of the file.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { headFirst, sniffBytes, type ReadBytes } from '../sniff.js';

/** `head`: the file's first SNIFF_BYTES bytes as spooled (all of a smaller file). */
export async function sniffFile(path: string, head?: Uint8Array): Promise<string | undefined> {
  let file: FileHandle | undefined;
  const read: ReadBytes = async (offset, length) => {
    file ??= await open(path, 'r'); // only when the head does not hold what is asked for
    const buffer = new Uint8Array(length);
    const { bytesRead } = await file.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  };
  try {
    return await sniffBytes(head ? headFirst(head, read) : read);
  } finally {
    await file?.close();
  }
}
