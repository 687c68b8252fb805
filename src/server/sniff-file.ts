/** Sniffing a file on disk (a spooled upload): its head, and one more read where a long ID3 tag ends. */
import { open } from 'node:fs/promises';
import { sniffBytes } from '../sniff.js';

export async function sniffFile(path: string): Promise<string | undefined> {
  const file = await open(path, 'r');
  try {
    return await sniffBytes(async (offset, length) => {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await file.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    });
  } finally {
    await file.close();
  }
}
