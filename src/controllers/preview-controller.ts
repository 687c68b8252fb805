/**
 * Thumbnails of image files: each is made small, off the main thread, by `thumbnail.ts` (loaded
 * with the first picture), and the list shows that little JPEG from a blob URL. So ten
 * 12-megapixel photos cost a few tens of KB of thumbnails and no long task. One is made at a
 * time. URLs are revoked as soon as the file leaves the list or the element leaves the document,
 * and made again when it comes back. A file that does not decode (a truncated photo) gets its
 * type icon.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pacedUpdates } from '../paced-updates.js';

const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** What the list shows for a file: its thumbnail's URL, a thumbnail still being made, or none (its type icon). */
export type Preview = { url: string } | 'pending' | undefined;

export class PreviewController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  /** The ids of the files in the list. */
  readonly #listed: () => Iterable<string>;
  readonly #urls = new Map<string, string>();
  /** Files whose thumbnail is being made, or waits its turn. */
  readonly #pending = new Set<string>();
  /** Files whose picture did not decode: they get their type icon. */
  readonly #broken = new Set<string>();
  #queue: Promise<void> = Promise.resolve();

  constructor(host: ReactiveControllerHost, listed: () => Iterable<string>) {
    this.#host = host;
    this.#listed = listed;
    host.addController(this);
  }

  /** The preview of a file; asking for one starts making it. */
  previewOf(id: string, type: string, file: Blob | undefined): Preview {
    if (!file || !THUMBNAIL_TYPES.has(type) || this.#broken.has(id)) return undefined;
    const url = this.#urls.get(id);
    if (url) return { url };
    if (!this.#pending.has(id)) {
      this.#pending.add(id);
      this.#queue = this.#queue.then(() => this.#make(id, type, file));
    }
    return 'pending';
  }

  /**
   * The thumbnail of `id` at `url` did not display: show its icon instead, and let its URL go.
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

  async #make(id: string, type: string, file: Blob): Promise<void> {
    if (!this.#pending.has(id)) return; // left the list while it waited
    const thumbnail = await import('../thumbnail.js').then(({ thumbnailOf }) => thumbnailOf(file, type)).catch(() => undefined);
    if (!this.#pending.delete(id)) return;
    if (thumbnail) this.#urls.set(id, URL.createObjectURL(thumbnail));
    else this.#broken.add(id);
    pacedUpdates(this.#host).request(); // made while files upload: shown at their pace
  }

  /** Revokes the URLs of files that are no longer listed, and forgets them. */
  #keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.#broken) if (!ids.has(id)) this.#broken.delete(id);
    for (const id of this.#pending) if (!ids.has(id)) this.#pending.delete(id);
    for (const [id, url] of this.#urls) {
      if (ids.has(id)) continue;
      URL.revokeObjectURL(url);
      this.#urls.delete(id);
    }
  }
}
