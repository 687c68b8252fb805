/**
 * `fitPhoto`: decides what a file needs (nothing, a refusal, or a fitting), hands the fitting to
 * the runner, and checks what comes back. Only header bytes are read on the way: a file is
 * decoded once, off the main thread, and only when it must be.
 */
import { headRead, sniffBlob } from '../sniff.js';
import { decodeWith } from './decode.js';
import type { FitJob, JobResult } from './fit-job.js';
import { runJob } from './fit-runner.js';
import type { FitOptions, FitOutcome, FitRefusal } from './fit-types.js';
import { nameForType } from './file-name.js';
import { isCarried, isHeif, isPhotoType, isWebp, readImageHeader } from './image-header.js';

/** Larger files are not photos worth decoding here (and would not be read whole to find out). */
export const MAX_DECODE_BYTES = 50 * 1024 * 1024;
/** Larger headers would need hundreds of MB of pixels to decode. */
export const MAX_DECODE_PIXELS = 100_000_000;
export const DEFAULT_MAX_DIMENSION = 2048;

const refused = (reason: FitRefusal): FitOutcome => ({ kind: 'refused', reason });

/**
 * Fits `file` to `options.maxBytes`. `sniffedType` is the type its bytes were sniffed as
 * (undefined when unknown: WebP, which the shared sniffer does not know, is recognised here).
 * Rejects only with `options.signal`'s reason, or on an unexpected failure of the browser.
 */
export async function fitPhoto(file: File, sniffedType: string | undefined, options: FitOptions): Promise<FitOutcome> {
  const { maxBytes, mode = 'auto', maxDimension = DEFAULT_MAX_DIMENSION, signal } = options;
  signal?.throwIfAborted();
  const kept: FitOutcome = { kind: 'kept', file };
  if (mode === 'off') return kept;
  const overBudget = file.size > maxBytes;
  if (sniffedType?.startsWith('video/')) return overBudget ? refused('video-too-large') : kept;
  const type = sniffedType ?? ((await isWebp(file)) ? 'image/webp' : undefined);
  if (!isPhotoType(type)) return kept;
  // HEIC, AVIF and WebP are converted whatever their size: MMS does not carry them.
  const convert = !isCarried(type);
  if (!overBudget && mode === 'auto' && !convert) return kept;
  if (file.size > MAX_DECODE_BYTES) return refused('too-big-to-decode');

  const header = await readImageHeader(file, type, headRead(file)); // from the head read when sniffed, where it was
  if (header.animated) return overBudget ? refused('animated-too-large') : kept;
  if (header.width * header.height > MAX_DECODE_PIXELS) return refused('too-big-to-decode');

  const heif = isHeif(type);
  const job: FitJob = {
    source: file,
    heif,
    // Never larger than the original; but HEIC, AVIF or WebP must become a type the message carries, whatever its size.
    maxBytes: convert ? maxBytes : Math.min(maxBytes, file.size - 1),
    maxDimension,
    mayHaveAlpha: header.mayHaveAlpha,
    // `always` on a photo that fits: one re-encoding to drop its metadata, kept only if smaller; no search.
    stripOnly: !overBudget && !convert,
  };
  const decoder = options.heicDecoder;
  if (heif && decoder !== undefined && typeof decoder !== 'function') job.heicDecoderUrl = new URL(decoder, document.baseURI).href;

  let result = await runJob(job, signal);
  if (!result.ok && result.reason === 'heic-unsupported' && typeof decoder === 'function') {
    // The page's decoder runs here, on the main thread; the picture it makes is fitted in the worker.
    const image = await decodeWith(decoder, file);
    signal?.throwIfAborted();
    result = image ? await runJob({ ...job, source: image }, signal) : { ok: false, reason: 'cannot-decode' };
  }
  if (!result.ok) return result.reason === 'cannot-fit' && !overBudget && !convert ? kept : refused(result.reason);
  return fitted(file, result);
}

/** The fitted File, once its bytes sniff as the type they were encoded as. */
async function fitted(original: File, result: Extract<JobResult, { ok: true }>): Promise<FitOutcome> {
  const type = await sniffBlob(result.blob);
  if (type !== result.type) return refused('cannot-decode');
  const file = new File([result.blob], nameForType(original.name, type), { type, lastModified: original.lastModified });
  return { kind: 'fitted', file, originalSize: original.size, width: result.width, height: result.height };
}
