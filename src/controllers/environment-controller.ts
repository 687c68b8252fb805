/**
 * What the element reads from the page around it: the language it formats numbers, sizes and lists
 * in, and whether the screen is a touch screen (for the camera button).
 *
 * A server (Lit SSR) sees neither the page nor the screen, so it renders with what it can know: the
 * element's own `lang` (else English) and no touch screen. When the browser hydrates that markup,
 * its first render must give the same values, or Lit keeps the server's text for values it believes
 * it has written; so until that first render is done the browser uses the server's answers too, and
 * the page's own follow in the next update. An element rendered in the browser alone reads the page
 * from the start.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** The language a server formats in when the element has no `lang` of its own. */
const SERVER_LOCALE = 'en';

export class EnvironmentController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  /** Whether the page is read; false on a server and while server-rendered markup waits for hydration. */
  #readsPage = !isServer;
  /** Whether the element has rendered in this browser. */
  #rendered = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The element's language: its own or its nearest ancestor's `lang`, else the document's, else the browser's. */
  get locale(): string {
    if (!this.#readsPage) return this.#host.getAttribute('lang') || SERVER_LOCALE;
    return this.#host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language;
  }

  /** Whether the main pointer is coarse (a finger). */
  get touchScreen(): boolean {
    return this.#readsPage && matchMedia('(pointer: coarse)').matches;
  }

  hostConnected(): void {
    // Lit's part markers in the shadow root before the first render: markup from a server (declarative
    // shadow DOM, kept by Lit's hydration support), to hydrate with the server's values first.
    if (!this.#rendered && hasServerMarkup(this.#host.shadowRoot)) this.#readsPage = false;
  }

  hostUpdated(): void {
    this.#rendered = true;
    if (this.#readsPage) return;
    const hydratedLocale = this.locale;
    this.#readsPage = true;
    if (this.locale !== hydratedLocale || this.touchScreen) this.#host.requestUpdate();
  }
}

function hasServerMarkup(root: ShadowRoot | null): boolean {
  return [...(root?.childNodes ?? [])].some((node) => node.nodeType === Node.COMMENT_NODE && (node as Comment).data.startsWith('lit-part'));
}
