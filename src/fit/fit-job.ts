/**
 * One fitting job, from bytes to the encoded result: the same code in the worker and on the main
 * thread (where the fallback runs it in small steps). Everything in a job can be posted to a worker.
 */
import { decodeUpright, decodeWith, decoderFromModule } from './decode.js';
import { searchEncoding, type SearchContext, type SearchRequest } from './encode-search.js';
import type { FitRefusal } from './fit-types.js';
import type { OutputType } from './surface.js';

export interface FitJob extends SearchRequest {
  /** The file, or the picture a page's HEIC decoder has already made of it. */
  source: Blob | ImageBitmap;
  /** A HEIC/HEIF file: when the browser cannot decode it, a decoder must. */
  heif: boolean;
  /** An absolute URL of a module exporting `decode`, imported where the job runs. */
  heicDecoderUrl?: string;
}

export type JobResult =
  | { ok: true; blob: Blob; type: OutputType; width: number; height: number }
  | { ok: false; reason: Extract<FitRefusal, 'cannot-decode' | 'heic-unsupported' | 'cannot-fit'> };

export async function runFitJob(job: FitJob, context: SearchContext): Promise<JobResult> {
  const image = await decodeSource(job);
  // A closed or detached bitmap (a worker that died with it) reads as 0×0.
  if (!image?.width) return { ok: false, reason: job.heif && !job.heicDecoderUrl ? 'heic-unsupported' : 'cannot-decode' };
  try {
    await context.checkpoint();
    const encoded = await searchEncoding(image, job, context);
    return encoded ? { ok: true, ...encoded } : { ok: false, reason: 'cannot-fit' };
  } finally {
    image.close();
  }
}

async function decodeSource({ source, heif, heicDecoderUrl }: FitJob): Promise<ImageBitmap | undefined> {
  if (!(source instanceof Blob)) return source;
  const decoded = await decodeUpright(source);
  if (decoded || !heif || !heicDecoderUrl) return decoded;
  return decodeWith(decoderFromModule(heicDecoderUrl), source);
}
