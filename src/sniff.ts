/**
 * Magic-byte type detection: the true type of a file from its first bytes, whatever its name or
 * declared type says. No DOM here beyond `Blob`, no Node: the element (in its lazily loaded
 * engine) and the server import this module; each format's rules live in `sniff/`.
 *
 * `undefined` means "no type we know" and must be refused, never replaced by the declared type.
 * Executables and archives are recognised on purpose and reported as `undefined` too, so that a
 * renamed `.exe` can never come out as an image or as text. Markup (SVG, XML, HTML) is reported
 * by its own type, never as text, so callers can refuse it with a clear reason.
 *
 * The head is read as Latin-1 text (one character per byte), so magic numbers are plain strings.
 */
import { amrType } from './sniff/amr.js';
import { latin1, SNIFF_BYTES } from './sniff/bytes.js';
import { imageType } from './sniff/images.js';
import { ftypType, isClassicQuickTime } from './sniff/iso-bmff.js';
import { audioFramesType, id3TagEnd } from './sniff/mpeg-audio.js';
import { isMpegVideo } from './sniff/mpeg-video.js';
import { isExecutableOrArchive } from './sniff/refused.js';
import { riffType } from './sniff/riff.js';
import { leadingMarkupType, textType } from './sniff/text.js';

export { SNIFF_BYTES };

/** Reads up to `length` bytes of a file from `offset` (fewer at its end, none past it). */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

/**
 * The true MIME type from a file's first bytes, or undefined when the bytes are of no type we
 * know. Only the first SNIFF_BYTES count. An MP3 whose ID3 tag ends too close to (or past) the
 * end of the head is unknown here: `sniffBlob` and `sniffBytes` read on at the tag's end.
 */
export function sniffType(bytes: Uint8Array): string | undefined {
  // Whatever a caller passes (a server may hold the whole file), the verdict is the head's.
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.length === 0) return undefined;
  const text = latin1(head);
  const known = imageType(head, text);
  if (known) return known;
  if (/^(\xef\xbb\xbf)?%PDF-/.test(text)) return 'application/pdf';
  if (isExecutableOrArchive(head, text)) return undefined;
  if (text.slice(4, 8) === 'ftyp') return ftypType(head, text);
  if (isClassicQuickTime(head, text)) return 'video/quicktime';
  if (isMpegVideo(head, text)) return 'video/mpeg';
  const tagEnd = id3TagEnd(head, text);
  // After an ID3 tag only audio frames may follow: nothing else is sniffed behind one.
  if (tagEnd !== undefined) return audioFramesType(head.subarray(tagEnd));
  const binary = riffType(head, text) ?? amrType(head, text) ?? audioFramesType(head);
  if (binary) return binary;
  // A whole head may end inside a character only because the read stopped there.
  return textType(head, text, bytes.length >= SNIFF_BYTES) ?? leadingMarkupType(text);
}

/**
 * The true type of a file read through `read`: its head and, after an ID3 tag that the head
 * does not hold with the frames behind it, a second read where the tag ends.
 */
export async function sniffBytes(read: ReadBytes): Promise<string | undefined> {
  const head = await read(0, SNIFF_BYTES);
  const type = sniffType(head);
  const tagEnd = id3TagEnd(head, latin1(head.subarray(0, 10)));
  if (type !== undefined || tagEnd === undefined || head.length < SNIFF_BYTES) return type;
  return audioFramesType(await read(tagEnd, SNIFF_BYTES));
}

/** Reads blob.slice(0, SNIFF_BYTES), and after a long ID3 tag one more slice of that size, and sniffs them. */
export function sniffBlob(blob: Blob): Promise<string | undefined> {
  return sniffBytes(readerOf(blob));
}

/**
 * The heads that `sniffBlobs` read, kept while their files live: a thumbnail or a fitting starts
 * its walk of the picture's header there instead of reading the same bytes again (in a browser
 * each read of a file costs the page a call to the process that holds it, slowest while uploads
 * run).
 */
const headsRead = new WeakMap<Blob, Uint8Array>();

/** The first bytes of `blob` (up to SNIFF_BYTES), when `sniffBlobs` read them. */
export function headRead(blob: Blob): Uint8Array | undefined {
  return headsRead.get(blob);
}

/**
 * The true types of files added together. Their heads are read in one read of one Blob made of
 * them all: in a browser each read of a file is a round trip to the process that holds it, and
 * ten of them in parallel take twice as long as one read of the ten heads.
 */
export async function sniffBlobs(blobs: readonly Blob[]): Promise<(string | undefined)[]> {
  const lengths = blobs.map((blob) => Math.min(blob.size, SNIFF_BYTES));
  const heads = new Uint8Array(await new Blob(blobs.map((blob, index) => blob.slice(0, lengths[index]))).arrayBuffer());
  let start = 0;
  return Promise.all(
    blobs.map((blob, index) => {
      const head = heads.slice(start, (start += lengths[index]!)); // a copy: each file keeps only its own
      headsRead.set(blob, head);
      return sniffBytes(headFirst(head, readerOf(blob)));
    }),
  );
}

/**
 * Reads from `head` (a file's first SNIFF_BYTES bytes, or all of a smaller file, read before)
 * what it holds, and anything else through `read`.
 */
export function headFirst(head: Uint8Array, read: ReadBytes): ReadBytes {
  return async (offset, length) => (offset === 0 && length <= SNIFF_BYTES ? head.subarray(0, length) : read(offset, length));
}

function readerOf(blob: Blob): ReadBytes {
  return async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
}
