import { css } from 'lit';

/*
 * Colours follow the page's `color-scheme` through light-dark(): a page that declares
 * `color-scheme: light dark` gets the dark palette when the reader prefers it. Every pair
 * meets WCAG AA (4.5:1 for text, 3:1 for borders and focus) on the element's own panels.
 */
export const styles = css`
  :host {
    --_accent: var(--mms-media-upload-accent, light-dark(#1d4ed8, #93b4fd));
    --_on-accent: var(--mms-media-upload-on-accent, light-dark(#ffffff, #0b1220));
    --_background: var(--mms-media-upload-background, light-dark(#ffffff, #111827));
    --_text: var(--mms-media-upload-text-color, light-dark(#111827, #f3f4f6));
    --_muted: var(--mms-media-upload-muted-color, light-dark(#4b5563, #c3c8d0));
    --_border: var(--mms-media-upload-border-color, light-dark(#6b7280, #8b93a1));
    --_error: var(--mms-media-upload-error-color, light-dark(#b91c1c, #fca5a5));
    --_success: var(--mms-media-upload-success-color, light-dark(#15803d, #86efac));
    --_radius: var(--mms-media-upload-radius, 8px);
    --_gap: var(--mms-media-upload-spacing, 0.75rem);
    --_thumb: var(--mms-media-upload-thumbnail-size, 48px);
    display: block;
    /* The file rows follow the element's own width (a narrow composer on a wide page too). */
    container-type: inline-size;
    color-scheme: inherit;
    font: var(--mms-media-upload-font, inherit);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  [part='dropzone'] {
    display: grid;
    gap: 0.5rem;
    justify-items: center;
    padding: calc(var(--_gap) * 1.5);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    text-align: center;
  }
  :host([dragover]) [part='dropzone'] {
    border-style: solid;
    border-color: var(--_accent);
    outline: 2px solid var(--_accent);
  }
  :host([disabled]) [part='dropzone'] {
    border-style: dotted;
  }
  .hint,
  [part='counter'] {
    font-size: 0.875em;
    color: var(--_muted);
  }
  button {
    font: inherit;
    border-radius: calc(var(--_radius) / 2);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    padding: 0.35rem 0.9rem;
    cursor: pointer;
  }
  button.secondary {
    background: var(--_background);
    color: var(--_accent);
    padding: 0.15rem 0.6rem;
  }
  button:disabled {
    cursor: not-allowed;
    border-color: var(--_border);
    background: var(--_background);
    color: var(--_muted);
  }
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  ul {
    list-style: none;
    margin: var(--_gap) 0 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  [part~='file'] {
    display: grid;
    /* minmax(0, …): a long name shrinks behind its ellipsis instead of widening the page. */
    grid-template-columns: var(--_thumb) minmax(0, 1fr) auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  [part~='file'][data-status='failed'] {
    border-color: var(--_error);
  }
  [part='preview'] {
    grid-row: span 3;
    display: grid;
    place-items: center;
    width: var(--_thumb);
    height: var(--_thumb);
    border-radius: calc(var(--_radius) / 2);
    overflow: hidden;
    color: var(--_muted);
  }
  [part='preview'] img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  [part='file-name'] {
    display: flex;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    font-weight: 600;
  }
  .name-start {
    /* Some of the start always shows, with its ellipsis: "IMG_…_final.jpg", never "_final.jpg". */
    min-width: 3ch;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .name-end {
    flex: none;
  }
  .meta {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    grid-column: 3;
    grid-row: 1 / span 2;
  }
  [part='progress'] {
    grid-column: 2 / span 2;
    width: 100%;
    accent-color: var(--_accent);
  }
  .status-uploaded {
    color: var(--_success);
  }
  [part='file-error'],
  [part='error'] {
    color: var(--_error);
  }
  [part='file-error'] {
    grid-column: 2 / span 2;
  }
  [part='file-error'],
  [part='error'] p,
  .hint {
    overflow-wrap: anywhere;
  }
  [part='error'] p {
    /* On the element's own background, so the message keeps its contrast on any page. */
    margin: var(--_gap) 0 0;
    padding: 0.4rem 0.75rem;
    border-inline-start: 4px solid var(--_error);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_background);
  }
  [part='error']:empty {
    display: none;
  }
  /* Present for screen readers and scripts, invisible on screen. */
  input[type='file'],
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* A phone-wide element: the buttons go under the file's name, its size and its message. */
  @container (max-width: 420px) {
    [part~='file'] {
      grid-template-columns: var(--_thumb) minmax(0, 1fr);
    }
    [part='preview'] {
      grid-row: span 4;
    }
    .actions {
      grid-column: 2;
      grid-row: auto;
      order: 1;
    }
    [part='progress'],
    [part='file-error'] {
      grid-column: 2;
    }
  }
  @media (forced-colors: active) {
    :host([dragover]) [part='dropzone'] {
      border-color: Highlight;
      outline-color: Highlight;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
    [part~='file'][data-status='failed'] {
      border-width: 3px;
    }
  }
`;
