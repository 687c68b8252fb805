/**
 * Thumbnails of image files as blob URLs: made once per file, shown in a small fixed-size
 * `<img decoding="async">` (so a huge photo is never decoded at full size on the main thread's
 * schedule), revoked as soon as the file leaves the list or the element leaves the document, and
 * made again when it comes back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);

export class PreviewController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  /** The ids of the files in the list. */
  readonly #listed: () => Iterable<string>;
  readonly #urls = new Map<string, string>();
  /** Files whose thumbnail did not decode: they get their type icon. */
  readonly #broken = new Set<string>();

  constructor(host: ReactiveControllerHost, listed: () => Iterable<string>) {
    this.#host = host;
    this.#listed = listed;
    host.addController(this);
  }

  /** The thumbnail URL of a file, made on first use; none for types without a thumbnail. */
  urlFor(id: string, type: string, file: Blob | undefined): string | undefined {
    if (!file || !THUMBNAIL_TYPES.has(type) || this.#broken.has(id)) return undefined;
    let url = this.#urls.get(id);
    if (!url) {
      url = URL.createObjectURL(file);
      this.#urls.set(id, url);
    }
    return url;
  }

  /**
   * The thumbnail of `id` at `url` did not decode: show its icon instead, and let its URL go.
   * An error of a URL revoked meanwhile (the element left the document) says nothing of the file.
   */
  broken(id: string, url: string): void {
    if (this.#urls.get(id) !== url) return;
    this.#broken.add(id);
    URL.revokeObjectURL(url);
    this.#urls.delete(id);
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#host.requestUpdate(); // thumbnails revoked on disconnect are made again
  }

  hostDisconnected(): void {
    this.#keepOnly(new Set()); // a removed element keeps no blob URLs alive
  }

  hostUpdate(): void {
    this.#keepOnly(new Set(this.#listed()));
  }

  /** Revokes the URLs of files that are no longer listed. */
  #keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.#broken) if (!ids.has(id)) this.#broken.delete(id);
    for (const [id, url] of this.#urls) {
      if (ids.has(id)) continue;
      URL.revokeObjectURL(url);
      this.#urls.delete(id);
    }
  }
}
