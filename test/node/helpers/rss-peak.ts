/**
 * A process's peak RSS over a stretch of time: sampled every 2 ms, and the kernel's own high-water
 * mark (VmHWM) where Linux lets a process reset it (then no short peak between samples is missed).
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface RssPeak {
  /** Starts a new stretch from the current RSS (after a forced GC when --expose-gc); returns that RSS. */
  reset(): Promise<number>;
  /** The peak since the last reset: the larger of the samples and VmHWM, and each of them. */
  read(): Promise<{ peak: number; sampledPeak: number; vmHwm: number | undefined }>;
  stop(): void;
}

export function watchRssPeak(): RssPeak {
  let sampledPeak = 0;
  let hwmReset = false;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 2);
  return {
    async reset() {
      globalThis.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const rss = process.memoryUsage.rss();
      sampledPeak = rss;
      hwmReset = await resetVmHwm();
      return rss;
    },
    async read() {
      const vmHwm = hwmReset ? await readVmHwm() : undefined;
      return { peak: Math.max(sampledPeak, vmHwm ?? 0), sampledPeak, vmHwm };
    },
    stop: () => clearInterval(sampler),
  };
}

async function readVmHwm(): Promise<number | undefined> {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(await readFile('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function resetVmHwm(): Promise<boolean> {
  try {
    await writeFile('/proc/self/clear_refs', '5'); // "5" resets the peak RSS to the current RSS
    return true;
  } catch {
    return false;
  }
}
