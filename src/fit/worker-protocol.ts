/** The messages between the page and the fitting worker. */
import type { FitJob, JobResult } from './fit-job.js';

export type WorkerRequest = { type: 'fit'; id: number; job: FitJob } | { type: 'cancel'; id: number };

export type WorkerReply =
  | { id: number; result: JobResult }
  /** The worker cannot fit here (no OffscreenCanvas): the page does it itself. */
  | { id: number; unsupported: true }
  /** An unexpected failure, as text. */
  | { id: number; error: string };

/** What must be transferred rather than copied with a job: a decoded picture. */
export const transferables = (job: FitJob): Transferable[] => (job.source instanceof Blob ? [] : [job.source]);
