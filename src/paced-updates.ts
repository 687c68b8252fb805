import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Renders asked for by uploads (and the thumbnails made meanwhile), paced: Uppy's state changes with every progress event of every
 * upload, and rendering each (the percentage, the bar, a layout, a paint) would take the CPU from
 * the uploads themselves. So the element renders what uploads change at most every `intervalMs`
 * after its last render, whatever asked for that one, the latest state each time. What the user
 * does renders at the next frame: the element asks for that render itself. A host has one pace,
 * shared by its controllers.
 */

/** Ten times a second: smooth enough for a bar and a percentage, and shows an outcome within 0.1 s. */
export const UPLOAD_RENDER_MS = 100;

export class PacedUpdates implements ReactiveController {
  readonly #requestUpdate: () => void;
  readonly #intervalMs: number;
  #timer?: ReturnType<typeof setTimeout>;
  #renderedAt = -Infinity;

  constructor(requestUpdate: () => void, intervalMs = UPLOAD_RENDER_MS) {
    this.#requestUpdate = requestUpdate;
    this.#intervalMs = intervalMs;
  }

  /** Asks for a render once the interval since the last one has passed; asking again meanwhile changes nothing. */
  request(): void {
    if (this.#timer === undefined) this.#waitForPace();
  }

  /** A render the user asked for meanwhile restarts the interval: the timer waits again for the rest. */
  #waitForPace(): void {
    const wait = this.#renderedAt + this.#intervalMs - performance.now();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#renderedAt + this.#intervalMs > performance.now() + 1) this.#waitForPace();
      else this.#requestUpdate();
    }, Math.max(0, wait));
  }

  /** The host renders: the interval counts from here. */
  hostUpdate(): void {
    this.#renderedAt = performance.now();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

const paces = new WeakMap<ReactiveControllerHost, PacedUpdates>();

/** The one pace of `host`'s renders. */
export function pacedUpdates(host: ReactiveControllerHost): PacedUpdates {
  let paced = paces.get(host);
  if (!paced) {
    paced = new PacedUpdates(() => host.requestUpdate());
    host.addController(paced);
    paces.set(host, paced);
  }
  return paced;
}
