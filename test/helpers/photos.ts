// Browser-side helpers of the fitting tests: the generated photos as Files (see photo-fixtures.js),
// and what a test needs to know of bytes: their SHA-256, their JPEG segments, their decoded pixels.

/** A generated photo, as a picked file would be (type from the name, as browsers do). */
export async function photoFile(name: string): Promise<File> {
  const response = await fetch(`/test/fixtures/photos/${name}`);
  if (!response.ok) throw new Error(`photo fixture ${name}: HTTP ${response.status}`);
  const type = response.headers.get('content-type')?.split(';')[0] ?? '';
  return new File([await response.blob()], name, { type, lastModified: 1_700_000_000_000 });
}

export async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface JpegSegment {
  marker: number;
  /** The segment's payload (after its length), up to the start of the scan. */
  payload: Uint8Array;
}

/** The segments of a JPEG up to its first scan (APPn, DQT, SOFn, DHT…). */
export async function jpegSegments(blob: Blob): Promise<JpegSegment[]> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const segments: JpegSegment[] = [];
  for (let offset = 2; offset + 4 <= bytes.length && bytes[offset] === 0xff; ) {
    const marker = bytes[offset + 1]!;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    segments.push({ marker, payload: bytes.subarray(offset + 4, offset + 2 + length) });
    if (marker === 0xda) break;
    offset += 2 + length;
  }
  return segments;
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** Whether a JPEG carries an APP1 Exif segment, and whether that segment points to GPS data (tag 0x8825). */
export async function exifOf(blob: Blob): Promise<{ exif: boolean; gps: boolean }> {
  const app1 = (await jpegSegments(blob)).filter(({ marker, payload }) => marker === 0xe1 && latin1(payload.subarray(0, 6)) === 'Exif\0\0');
  // The GPS IFD pointer tag, in either byte order.
  const gps = app1.some(({ payload }) => /\x88\x25\x00\x04|\x25\x88\x04\x00/.test(latin1(payload)));
  return { exif: app1.length > 0, gps };
}

export interface Pixels {
  width: number;
  height: number;
  /** [r, g, b, a] at (x, y). */
  at(x: number, y: number): [number, number, number, number];
}

/** Decodes a picture as a page shows it (orientation applied). */
export async function decodePixels(blob: Blob): Promise<Pixels> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const data = context.getImageData(0, 0, width, height).data;
  return {
    width,
    height,
    at: (x, y) => {
      const i = (y * width + x) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    },
  };
}

/** Clearly red: the corner square the phone photos carry to show their orientation. */
export const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;

export interface ReadRecord {
  /** The [start, end) of every `slice()`. */
  slices: [number, number][];
  /** Calls that read the file whole (`arrayBuffer`, `bytes`, `text`, `stream`). */
  wholeReads: number;
}

/** A File that records how its bytes are read: for "refused without being read whole". */
export function recordingFile(bytes: Uint8Array<ArrayBuffer>, name: string, type: string): { file: File; reads: ReadRecord } {
  const reads: ReadRecord = { slices: [], wholeReads: 0 };
  const file = new File([bytes], name, { type });
  const slice = file.slice.bind(file);
  const whole = <T>(read: () => T): T => {
    reads.wholeReads += 1;
    return read();
  };
  Object.assign(file, {
    slice: (start = 0, end = file.size, contentType?: string) => {
      reads.slices.push([start, end]);
      return slice(start, end, contentType);
    },
    arrayBuffer: () => whole(() => Blob.prototype.arrayBuffer.call(file)),
    text: () => whole(() => Blob.prototype.text.call(file)),
    stream: () => whole(() => Blob.prototype.stream.call(file)),
  });
  return { file, reads };
}
