/**
 * Reads a multipart upload with busboy, straight from the request (the Node request itself under
 * `toNodeHandler`, `request.body` elsewhere: see `bodySource`), and spools its one file to a
 * temporary file while counting its bytes, hashing them (XXH64, the file's fingerprint for its
 * `Idempotency-Key`) and keeping its head for sniffing. Nothing buffers the whole upload; the
 * temporary file is removed here on any failure, by the caller otherwise.
 */
import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import xxhash, { type XXHashAPI } from 'xxhash-wasm';
import type { Limits } from '../limits.js';
import { SNIFF_BYTES } from '../sniff.js';
import { DEFAULT_BODY_PACE, type BodyPace } from './body-pace.js';
import { HttpError } from './errors.js';
import { cleanFileName } from './filename.js';
import { refusal } from './refusals.js';
import { bodySource, type BodySource } from './request-body.js';

export interface SpoolOptions {
  /**
   * The limits the file is held to. Only `maxFileSize` applies here: a file of exactly that size
   * passes, one byte more is answered 413 while it arrives, and so is a body declared or sent
   * longer than that plus MULTIPART_OVERHEAD_BYTES.
   */
  limits: Readonly<Limits>;
  /** Where the temporary file goes. */
  tmpDir: string;
  /** How slow the body may be (408 `upload-too-slow`). Default DEFAULT_BODY_PACE. */
  pace?: BodyPace;
  /** The multipart field that carries the file. Default 'file'. */
  fileField?: string;
}

export interface SpooledFile {
  /** The temporary file: remove it with `removeSpool` when done. */
  path: string;
  size: number;
  /** The XXH64 of the bytes, in hex: what tells a retry of this file from another file (see `fingerprint`). */
  contentHash: string;
  /** The first SNIFF_BYTES bytes (fewer for a smaller file). */
  head: Uint8Array;
  /** The file name as sent (decoded as UTF-8, not cleaned). */
  fileName: string;
  /** The type the browser declared: informative only, the bytes decide. */
  declaredType: string;
  /** The other (text) fields of the form. */
  fields: Record<string, string>;
}

// Enough for the element's own fields; more would only be a way to make the parser work.
const PART_LIMITS = { files: 1, fields: 20, fieldSize: 8 * 1024, parts: 21, headerPairs: 20 };

/**
 * What a body may carry besides its file: the fields at their largest, and room for boundaries
 * and part headers. A body declared (or sent) longer than the file limit plus this is refused 413.
 */
export const MULTIPART_OVERHEAD_BYTES = PART_LIMITS.fields * PART_LIMITS.fieldSize + 16 * 1024;

/** The hasher, compiled once per process (a WebAssembly module of a few KB). */
let hashing: Promise<XXHashAPI> | undefined;

/** Removes a temporary file; one already gone is fine. (Not `rm`: it stats the path first, one more call per upload.) */
export async function removeSpool(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
}

export async function spoolUpload(request: Request, options: SpoolOptions): Promise<SpooledFile> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    throw new HttpError(400, 'bad-request', 'Send the file as multipart/form-data.');
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      defParamCharset: 'utf8',
      // busboy flags a file that *reaches* fileSize, so one byte more lets exactly maxFileSize pass.
      limits: { ...PART_LIMITS, fileSize: options.limits.maxFileSize + 1 },
    });
  } catch {
    throw new HttpError(400, 'bad-request', 'The multipart body has no boundary.');
  }
  const { create64 } = await (hashing ??= xxhash());
  const body = bodySource(request, {
    maxBytes: options.limits.maxFileSize + MULTIPART_OVERHEAD_BYTES,
    tooLarge: () => refusal('file-too-large', { name: 'The file' }, options.limits),
    pace: options.pace ?? DEFAULT_BODY_PACE,
  });
  return spool(body, parser, create64, options);
}

function spool(body: BodySource, parser: busboy.Busboy, createHash: XXHashAPI['create64'], options: SpoolOptions): Promise<SpooledFile> {
  const fileField = options.fileField ?? 'file';
  const fields: Record<string, string> = Object.create(null);
  let file: SpooledFile | undefined;
  let written: Promise<void> = Promise.resolve();
  let stopWriting = async () => {};
  // Set once the spool is refused, or handed over: what happens to the request after that (its
  // client going away while the file is forwarded) never touches the file.
  let settled = false;

  return new Promise<SpooledFile>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Not from inside busboy's own event (it touches the file stream after emitting 'limit').
      process.nextTick(() => {
        // Stop reading the request and writing the file.
        body.stop();
        parser.destroy();
        stopWriting()
          .then(() => file && removeSpool(file.path))
          .catch(() => undefined) // the refusal matters more than a failed clean-up
          .then(() => reject(error));
      });
    };

    // The body's own refusals (too large, too slow) stand; anything else is the client going away.
    body.onError((error) => fail(error instanceof HttpError ? error : new HttpError(400, 'bad-request', 'The upload was interrupted before it was complete.')));
    parser.on('error', () => fail(new HttpError(400, 'bad-request', 'The upload is not a well-formed multipart body.')));
    parser.on('filesLimit', () => fail(new HttpError(400, 'bad-request', 'Send one file per request.')));
    parser.on('fieldsLimit', () => fail(new HttpError(400, 'bad-request', 'The upload has too many form fields.')));
    parser.on('partsLimit', () => fail(new HttpError(400, 'bad-request', 'The upload has too many parts.')));

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) fail(new HttpError(400, 'bad-request', 'A form field is too long.'));
      else fields[name] = value;
    });

    parser.on('file', (name, stream, info) => {
      if (settled || name !== fileField) {
        stream.resume(); // busboy waits for every file stream to be read
        fail(new HttpError(400, 'bad-request', `Send the file in the form field "${fileField}".`)); // ignored once failed
        return;
      }
      const spooled: SpooledFile = {
        path: join(options.tmpDir, `mms-upload-${randomUUID()}`),
        size: 0,
        contentHash: '',
        head: new Uint8Array(0),
        fileName: info.filename ?? '',
        declaredType: info.mimeType,
        fields,
      };
      file = spooled;
      const heads: Buffer[] = [];
      let headLength = 0;
      const hash = createHash();
      // Counted and hashed as it flows to the file (a listener, not one more stage holding chunks).
      stream.on('data', (chunk: Buffer) => {
        spooled.size += chunk.length;
        hash.update(chunk);
        if (headLength < SNIFF_BYTES) {
          heads.push(Buffer.from(chunk.subarray(0, SNIFF_BYTES - headLength))); // a copy: a view would pin the whole chunk
          headLength += heads.at(-1)!.length;
        }
      });
      stream.once('end', () => {
        spooled.head = new Uint8Array(Buffer.concat(heads));
        spooled.contentHash = hash.digest().toString(16).padStart(16, '0');
      });
      stream.on('limit', () => fail(refusal('file-too-large', { name: cleanFileName(spooled.fileName, 'The file') }, options.limits)));
      const writer = createWriteStream(spooled.path, { flags: 'wx', mode: 0o600 });
      const closed = new Promise<void>((resolve) => writer.once('close', () => resolve()));
      // pipeline() may never settle when its source is destroyed after its last push, so a
      // failure waits for the temporary file to be closed instead.
      stopWriting = async () => {
        stream.destroy();
        writer.destroy();
        await closed;
      };
      written = pipeline(stream, writer);
      written.catch(fail);
    });

    parser.on('close', () => {
      if (settled) return;
      written.then(() => {
        if (settled) return;
        if (!file) return fail(new HttpError(400, 'bad-request', `No file was sent in the form field "${fileField}".`));
        settled = true;
        resolve(file);
      }, fail);
    });

    body.stream.pipe(parser);
  });
}
