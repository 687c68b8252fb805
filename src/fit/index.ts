/**
 * The photo-fitting engine (issue 8): fits a photo to a byte budget in the browser — upright,
 * without metadata, in a worker. Loaded lazily: its own chunk in the CDN build, its worker a file
 * next to it.
 */
export { fitPhoto, DEFAULT_MAX_DIMENSION, MAX_DECODE_BYTES, MAX_DECODE_PIXELS } from './fit-photo.js';
// fitBudget (./budget.js) is imported by the element itself, before it knows whether to load this chunk.
export { disposeFitWorker } from './fit-runner.js';
export { MAX_CANVAS_PIXELS } from './encode-search.js';
export type { FitMode, FitOptions, FitOutcome, FitRefusal, HeicDecoder } from './fit-types.js';
