// The size floor of the CDN build: lit, @uppy/core and @uppy/xhr-upload, used just enough
// that nothing is tree-shaken away, bundled exactly as the CDN build is.
import { LitElement, html, css } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import Uppy from '@uppy/core';
import XHRUpload from '@uppy/xhr-upload';

export class Floor extends LitElement {
  static styles = css`:host { display: block; }`;
  uppy = new Uppy().use(XHRUpload, { endpoint: '/' });
  render() {
    return html`${repeat([1], (item) => item, (item) => html`<p>${item}</p>`)}`;
  }
}
export { property, state, query };
customElements.define('size-floor', Floor);
