/**
 * The way in for files added together: each is sniffed, and a photo that does not fit its share
 * of the message (or any photo, with `fit="always"`; HEIC and WebP, which messages do not carry,
 * always) is fitted first, one at a time, by the fitting engine, loaded only then. A video over
 * the file limit is refused with words of its own. What comes out is, for each file, the file to offer to
 * the list (the fitted one, with what it was) or why it cannot be attached.
 */
import type { RejectionReason } from './events.js';
import { fitBudget } from './fit/budget.js';
import type { FitOutcome, FitRefusal } from './fit/fit-types.js';
import type { Engine } from './load-engine.js';
import type { Limits } from './limits.js';
import type { MessageCode } from './messages.js';
import type { UploadSettings } from './upload-settings.js';

type IntakeSettings = Pick<UploadSettings, 'limits' | 'fit' | 'fitMaxDimension' | 'heicDecoder'>;

export type Prepared =
  | { kind: 'ready'; file: File; type: string | undefined; fitted?: { originalSize: number; width: number; height: number } }
  | { kind: 'refused'; file: File; type: string | undefined; code: FitRefusal; budget: number };

/** Why a file is not added: the public reason, the code its words come from, and the limits they name. */
export interface RefusalCause {
  reason: RejectionReason;
  code: MessageCode;
  type: string | undefined;
  limits?: Limits;
}

/**
 * A refusal of fitting, told with its own words (`videoTooLarge`…) under the reason apps know: a
 * HEIC photo that cannot be converted is of a type that cannot be attached; the others are too large.
 * The limit they name is the file's budget.
 */
export function fitRefusal({ code, type, budget }: Extract<Prepared, { kind: 'refused' }>, limits: Limits): RefusalCause {
  const reason = code === 'heic-unsupported' ? 'type-not-allowed' : 'file-too-large';
  return { reason, code, type, limits: { ...limits, maxFileSize: budget } };
}

/** Photos that a message carries as they are; other photos (HEIC, HEIF, AVIF, WebP) are converted. */
const CARRIED_PHOTOS = new Set(['image/jpeg', 'image/png', 'image/gif']);
const CONVERTED_PHOTOS = new Set(['image/heic', 'image/heif', 'image/avif', 'image/webp']);

/**
 * The true types of `files`, with the engine loaded. Their heads are being read when this returns:
 * the caller can do other work while the browser reads them.
 */
export function sniffFiles({ sniffBlobs }: Engine, files: readonly File[]): Promise<(string | undefined)[]> {
  // A file that cannot be read has no type we know: it is refused, with the others checked as usual.
  return sniffBlobs(files).catch(() => Promise.all(files.map((file) => sniffBlobs([file]).then(([type]) => type, () => undefined))));
}

/**
 * `types`: what `sniffFiles` found. `attachedBytes`: the bytes already in the list. `onFitting`
 * is told how many photos of how many are done while they are fitted.
 */
export async function prepareFiles(
  files: readonly File[],
  types: readonly (string | undefined)[],
  settings: IntakeSettings,
  attachedBytes: number,
  onFitting: (done: number, count: number) => void,
): Promise<Prepared[]> {
  const shrinkable = files.map((_file, index) => settings.fit !== 'off' && isPhoto(types[index]));
  const count = shrinkable.filter(Boolean).length;
  // Files that will not shrink take their bytes first; photos then share what is left.
  let used = attachedBytes + files.reduce((sum, file, index) => (shrinkable[index] ? sum : sum + file.size), 0);
  let done = 0;
  const prepared: Prepared[] = [];
  for (const [index, file] of files.entries()) {
    const type = types[index];
    if (!shrinkable[index]) {
      // Videos are never re-encoded here: over the limit, they are refused with words that say so.
      const tooLong = settings.fit !== 'off' && type?.startsWith('video/') && file.size > settings.limits.maxFileSize;
      prepared.push(tooLong ? { kind: 'refused', file, type, code: 'video-too-large', budget: settings.limits.maxFileSize } : { kind: 'ready', file, type });
      continue;
    }
    const budget = fitBudget({ ...settings.limits, usedBytes: used, filesToFit: count - done });
    onFitting(done, count);
    const outcome = await fit(file, type, budget, settings);
    done += 1;
    if (outcome.kind === 'refused') {
      prepared.push({ kind: 'refused', file, type, code: outcome.reason, budget });
      continue;
    }
    used += outcome.file.size;
    prepared.push(outcome.kind === 'fitted'
      ? { kind: 'ready', file: outcome.file, type: outcome.file.type, fitted: { originalSize: outcome.originalSize, width: outcome.width, height: outcome.height } }
      : { kind: 'ready', file, type });
  }
  if (count > 0) onFitting(count, count);
  return prepared;
}

function isPhoto(type: string | undefined): boolean {
  return type !== undefined && (CARRIED_PHOTOS.has(type) || CONVERTED_PHOTOS.has(type));
}

/** In `auto`, a carried photo that fits needs no work, and the fitting engine is not even loaded. */
async function fit(file: File, type: string | undefined, budget: number, settings: IntakeSettings): Promise<FitOutcome> {
  if (file.size <= budget && settings.fit === 'auto' && type !== undefined && CARRIED_PHOTOS.has(type)) return { kind: 'kept', file };
  const { fitPhoto } = await import('./fit/index.js');
  return fitPhoto(file, type, { maxBytes: budget, maxDimension: settings.fitMaxDimension, mode: settings.fit, heicDecoder: settings.heicDecoder });
}
