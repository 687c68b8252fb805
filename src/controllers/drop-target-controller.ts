/**
 * Files that arrive by drag and drop or paste: the whole element takes drops (not only its drop
 * zone), pastes into it or into its `paste-target` add the pasted files, and `dragOver` says
 * when files are held over it. Text pastes and drags of anything but files are left alone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DropTargetOptions {
  /** Files were dropped or pasted. */
  onFiles(files: File[]): void;
  disabled(): boolean;
  /** Id of another element (in the host's own tree) whose pasted files count too. */
  pasteTarget(): string | undefined;
}

export class DropTargetController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: DropTargetOptions;
  #dragOver = false;
  #pasteSource?: EventTarget;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DropTargetOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Files are being dragged over the element, and it takes them. */
  get dragOver(): boolean {
    return this.#dragOver;
  }

  hostConnected(): void {
    for (const [type, listener] of this.#listeners) this.#host.addEventListener(type, listener);
    this.#listenToPasteTarget();
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.#listeners) this.#host.removeEventListener(type, listener);
    this.#pasteSource?.removeEventListener('paste', this.#onPaste as EventListener);
    this.#pasteSource = undefined;
  }

  /** The paste target may be renamed, or appear after the element. */
  hostUpdate(): void {
    if (this.#host.isConnected) this.#listenToPasteTarget();
  }

  #listenToPasteTarget(): void {
    const id = this.#options.pasteTarget();
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    const target = id ? (root.getElementById?.(id) ?? undefined) : undefined;
    if (target === this.#pasteSource) return;
    this.#pasteSource?.removeEventListener('paste', this.#onPaste as EventListener);
    target?.addEventListener('paste', this.#onPaste as EventListener);
    this.#pasteSource = target;
  }

  #setDragOver(value: boolean): void {
    if (value === this.#dragOver) return;
    this.#dragOver = value;
    this.#host.requestUpdate();
  }

  #onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    const disabled = this.#options.disabled();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    this.#setDragOver(!disabled);
  };

  #onDragLeave = (event: DragEvent): void => {
    // Moves between the element's own parts arrive retargeted to the element itself.
    const next = event.relatedTarget as Node | null;
    if (!next || !this.#host.contains(next)) this.#setDragOver(false);
  };

  #onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.#setDragOver(false);
    this.#options.onFiles([...event.dataTransfer.files]);
  };

  #onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0) return; // text pastes go on as usual
    event.preventDefault();
    this.#options.onFiles(files);
  };

  /** The host's own listeners, by event type. */
  readonly #listeners = Object.entries({
    dragenter: this.#onDragOver,
    dragover: this.#onDragOver,
    dragleave: this.#onDragLeave,
    drop: this.#onDrop,
    paste: this.#onPaste,
  }) as [string, EventListener][];
}
