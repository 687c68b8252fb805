/**
 * Where a job runs: in the fitting worker, started on the first job and ended after a while
 * unused; or on the main thread, in small steps, where there is no Worker or OffscreenCanvas or
 * the worker could not start (a strict CSP without `worker-src 'self'`, a missing file).
 */
import { runFitJob, type FitJob, type JobResult } from './fit-job.js';
import { elementSurface, offscreenSurface } from './surface.js';
import { transferables, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/** An idle worker holds a few MB; a new one starts in tens of ms. */
const IDLE_MS = 30_000;

interface Pending {
  settle(result: JobResult): void;
  fail(error: Error): void;
  /** Runs the job on the main thread instead. */
  fallBack(): void;
}

let worker: Worker | undefined;
/** Set once the worker failed to start here: every later job runs on the main thread. */
let workerUnusable = false;
let nextId = 1;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, Pending>();

/** Runs a job in the worker where possible, else on the main thread; rejects with `signal.reason` when aborted. */
export function runJob(job: FitJob, signal?: AbortSignal): Promise<JobResult> {
  signal?.throwIfAborted();
  const target = workerUnusable || typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function' ? undefined : startWorker();
  if (!target) return runOnMainThread(job, signal);
  clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise<JobResult>((resolve, reject) => {
    const onAbort = () => {
      pending.delete(id);
      target.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
      reject(signal!.reason);
      whenIdle();
    };
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      pending.delete(id);
      whenIdle();
    };
    pending.set(id, {
      settle: (result) => (done(), resolve(result)),
      fail: (error) => (done(), reject(error)),
      fallBack: () => (done(), runOnMainThread(job, signal).then(resolve, reject)),
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      target.postMessage({ type: 'fit', id, job } satisfies WorkerRequest, transferables(job));
    } catch {
      pending.get(id)?.fallBack(); // a picture that cannot be transferred is fitted here
    }
  });
}

/** Ends the worker now (it starts again with the next job). Jobs in flight finish on the main thread. */
export function disposeFitWorker(): void {
  const stopped = worker;
  worker = undefined;
  clearTimeout(idleTimer);
  stopped?.terminate();
  for (const job of [...pending.values()]) job.fallBack();
}

function startWorker(): Worker | undefined {
  if (worker) return worker;
  try {
    // Vite emits fit-worker as a file of its own next to this chunk; the dev and test servers serve the source.
    worker = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module', name: 'mms-media-upload-fit' });
  } catch {
    workerUnusable = true;
    return undefined;
  }
  worker.addEventListener('message', ({ data }: MessageEvent<WorkerReply>) => {
    const job = pending.get(data.id);
    if (!job) return;
    if ('result' in data) job.settle(data.result);
    else if ('unsupported' in data) giveUpWorker();
    else job.fail(new Error(`mms-media-upload: fitting failed: ${data.error}`));
  });
  // The script could not load or run (CSP, 404, a syntax it does not know): fall back for good.
  worker.addEventListener('error', giveUpWorker);
  return worker;
}

function giveUpWorker(): void {
  workerUnusable = true;
  disposeFitWorker();
}

function whenIdle(): void {
  if (pending.size > 0 || !worker) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(disposeFitWorker, IDLE_MS);
}

/** Lets the page handle input between steps. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function runOnMainThread(job: FitJob, signal?: AbortSignal): Promise<JobResult> {
  return runFitJob(job, {
    createSurface: typeof OffscreenCanvas === 'function' ? offscreenSurface : elementSurface,
    checkpoint: async () => {
      await yieldToMain();
      signal?.throwIfAborted();
    },
  });
}
