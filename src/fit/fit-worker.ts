/**
 * The fitting worker (a module worker, loaded from next to the code that starts it). Jobs run one
 * at a time, in the order they came: one decoded photo in memory at once.
 */
import { runFitJob } from './fit-job.js';
import { offscreenSurface } from './surface.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const cancelled = new Set<number>();
let queue = Promise.resolve();

class Cancelled extends Error {}

const reply = (message: WorkerReply) => postMessage(message);

async function fit(id: number, job: Extract<WorkerRequest, { type: 'fit' }>['job']): Promise<void> {
  try {
    if (cancelled.has(id)) return;
    if (typeof OffscreenCanvas === 'undefined') return reply({ id, unsupported: true });
    const checkpoint = async () => {
      if (cancelled.has(id)) throw new Cancelled();
    };
    reply({ id, result: await runFitJob(job, { createSurface: offscreenSurface, checkpoint }) });
  } catch (error) {
    if (!(error instanceof Cancelled)) reply({ id, error: String(error) });
  } finally {
    cancelled.delete(id);
    if (!(job.source instanceof Blob)) job.source.close();
  }
}

onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
  if (data.type === 'cancel') cancelled.add(data.id);
  else queue = queue.then(() => fit(data.id, data.job));
};
