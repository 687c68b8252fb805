/**
 * The next animation frame, or a short timer where no frame comes (a hidden tab gets none), so
 * that work waiting for it is still done there, only less often.
 */
export function nextFrame(hiddenTabMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    const timer = setTimeout(done, hiddenTabMs);
  });
}
