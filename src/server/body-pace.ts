/**
 * A clock on a request body while it is read: a body that stalls (nothing for `idleTimeoutMs`)
 * or trickles (fewer than `minBytesPerSecond` over the last `rateWindowMs`) would hold a socket
 * and a temporary file for as long as the client likes. The defaults let a phone on a poor
 * network through: 30 s without a byte, or under 1 KB/s over a minute.
 */
import { formatSize } from '../format.js';
import { HttpError } from './errors.js';
import { formatSeconds } from './seconds.js';

export interface BodyPace {
  /** Milliseconds without a byte after which the body has stalled; 0 for no limit. */
  idleTimeoutMs: number;
  /** Bytes per second the body must average over any `rateWindowMs`; 0 for no limit. */
  minBytesPerSecond: number;
  /** Milliseconds over which the rate is averaged. */
  rateWindowMs: number;
}

export const DEFAULT_BODY_PACE: Readonly<BodyPace> = Object.freeze({ idleTimeoutMs: 30_000, minBytesPerSecond: 1024, rateWindowMs: 60_000 });

export interface PaceWatch {
  /** `bytes` more have arrived. */
  progress(bytes: number): void;
  /** The body is done (read, refused or cancelled): no more checks. */
  stop(): void;
}

/** The rate is checked this many times per window, against the count one window before. */
const CHECKS_PER_WINDOW = 4;

/** Starts the clock; `onTooSlow` is called at most once, with the 408 to answer. */
export function watchPace(pace: BodyPace, onTooSlow: (error: HttpError) => void): PaceWatch {
  let received = 0;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(idle);
    clearInterval(rate);
  };
  const fail = (error: HttpError) => {
    if (stopped) return;
    stop();
    onTooSlow(error);
  };

  const idle = pace.idleTimeoutMs > 0 ? setTimeout(() => fail(stalled(pace)), pace.idleTimeoutMs) : undefined;
  // What had arrived at each of the last checks: the first is one window ago once it is full.
  const counts = [0];
  const rate =
    pace.minBytesPerSecond > 0
      ? setInterval(() => {
          counts.push(received);
          if (counts.length > CHECKS_PER_WINDOW + 1) counts.shift();
          const windowFull = counts.length === CHECKS_PER_WINDOW + 1;
          if (windowFull && received - counts[0]! < (pace.minBytesPerSecond * pace.rateWindowMs) / 1000) fail(tooSlow(pace));
        }, pace.rateWindowMs / CHECKS_PER_WINDOW)
      : undefined;
  // A clock on a request never keeps the process alive.
  idle?.unref();
  rate?.unref();

  return {
    progress(bytes) {
      received += bytes;
      idle?.refresh();
    },
    stop,
  };
}

function stalled(pace: BodyPace): HttpError {
  return new HttpError(408, 'upload-too-slow', `The upload stalled: nothing arrived for ${formatSeconds(pace.idleTimeoutMs)}. Try again on a steadier connection.`);
}

function tooSlow(pace: BodyPace): HttpError {
  const rate = `${formatSize(pace.minBytesPerSecond, 'en')}/s`;
  return new HttpError(408, 'upload-too-slow', `The upload was too slow: under ${rate} over ${formatSeconds(pace.rateWindowMs)}. Try again on a faster connection.`);
}
