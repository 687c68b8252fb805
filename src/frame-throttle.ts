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
