import type { ReactiveControllerHost } from 'lit';

/**
 * At most one call per animation frame, however many changes ask for it. A hidden tab gets no
 * frames: a timer stands in for them, so that the work is still done there, only less often.
 */
export function frameThrottle(work: () => void, hiddenTabMs = 200): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    const run = () => {
      if (!scheduled) return;
      scheduled = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      work();
    };
    const frame = requestAnimationFrame(run);
    const timer = setTimeout(run, hiddenTabMs);
  };
}

/** One throttle per element, so that every controller's changes share its one render a frame. */
const hostRenders = new WeakMap<ReactiveControllerHost, () => void>();

/** Asks `host` to render at its next frame, with every other change asked for until then. */
export function requestFrameUpdate(host: ReactiveControllerHost): void {
  let render = hostRenders.get(host);
  if (!render) hostRenders.set(host, (render = frameThrottle(() => host.requestUpdate())));
  render();
}
