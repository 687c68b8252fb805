import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--mms-media-upload-accent, #1d4ed8);
    --_border: var(--mms-media-upload-border-color, #6b7280);
    --_error: var(--mms-media-upload-error-color, #b91c1c);
    --_success: var(--mms-media-upload-success-color, #15803d);
    --_radius: var(--mms-media-upload-radius, 8px);
    --_gap: var(--mms-media-upload-spacing, 0.75rem);
    display: block;
    font: var(--mms-media-upload-font, inherit);
    color: var(--mms-media-upload-text-color, inherit);
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
    text-align: center;
  }
  :host([dragover]) [part='dropzone'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  :host([disabled]) [part='dropzone'] {
    opacity: 0.6;
  }
  .hint {
    font-size: 0.875em;
  }
  input[type='file'] {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    font: inherit;
    border-radius: calc(var(--_radius) / 2);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: #fff;
    padding: 0.35rem 0.9rem;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
    padding: 0.15rem 0.6rem;
  }
  button:disabled {
    cursor: not-allowed;
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
    grid-template-columns: 1fr auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='file'][data-status='failed'] {
    border-color: var(--_error);
  }
  .name {
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  .meta {
    font-size: 0.875em;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    grid-row: span 2;
  }
  progress {
    width: 100%;
    grid-column: 1;
  }
  .status-uploaded {
    color: var(--_success);
  }
  .file-error,
  [part='error'] {
    color: var(--_error);
  }
  [part='error'] {
    margin: var(--_gap) 0 0;
    padding: 0;
    list-style: none;
  }
  [part='error']:empty {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
