/**
 * The fitting engine's public vocabulary: what a caller asks (`FitOptions`), what it gets back
 * (`FitOutcome`), and the refusal codes. Codes, never sentences: the element turns them into
 * words through `messages.ts` and its `strings`.
 */

/** `auto`: fit what does not fit; `always`: re-encode every photo (drops its metadata); `off`: never touch a file. */
export type FitMode = 'auto' | 'always' | 'off';

/**
 * A page's HEIC decoder: the file's bytes in, the picture out, already turned upright.
 * Runs on the page's main thread; the result is handed to the fitting worker.
 */
export type HeicDecoder = (blob: Blob) => Promise<ImageBitmap | ImageData>;

export interface FitOptions {
  /** The file's budget in bytes (see `fitBudget`). */
  maxBytes: number;
  /** The longest edge a fitted photo may have, in pixels. Default 2048 (`fit-max-dimension`). */
  maxDimension?: number;
  /** Default `auto`. */
  mode?: FitMode;
  /**
   * For HEIC/HEIF where the browser cannot decode it: a function, or the URL (relative to the
   * page) of an ES module that exports `decode` with the same contract, imported only when a HEIC
   * file arrives, in the fitting worker (so it must not need the DOM). Nothing is bundled: libheif is LGPL.
   */
  heicDecoder?: HeicDecoder | string | URL;
  /** Abandons the fitting: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Why a file cannot go into the message. */
export type FitRefusal =
  /** A video over the budget: videos are never re-encoded here. */
  | 'video-too-large'
  /** An animated GIF, PNG or WebP over the budget: re-encoding would lose the animation. */
  | 'animated-too-large'
  /** A HEIC/HEIF photo that this browser cannot decode, and no `heicDecoder` was given. */
  | 'heic-unsupported'
  /** Over 50 MB, or its header declares more than 100 megapixels: refused before it is read whole. */
  | 'too-big-to-decode'
  /** Its bytes do not decode as the picture they claim to be (by the browser, or by the page's HEIC decoder). */
  | 'cannot-decode'
  /** Even the smallest picture the search tries is over the budget. */
  | 'cannot-fit';

export type FitOutcome =
  /**
   * Untouched: the very same `File`. It fits; or it is no photo (PDF, audio: the limits decide); or
   * `always` could not make it smaller; or `off`. It may still be over the budget: check it as usual.
   */
  | { kind: 'kept'; file: File }
  /** Re-encoded: `file` has the sniffed type, the new type's extension, and no metadata. */
  | { kind: 'fitted'; file: File; originalSize: number; width: number; height: number }
  | { kind: 'refused'; reason: FitRefusal };
