// The baseline of the start-up bench: a minimal Lit element (styles, one property, a button and a
// line of text), bundled the way an app would bundle it.
import { LitElement, css, html } from 'lit';

class MinimalLit extends LitElement {
  static styles = css`
    :host { display: block; }
  `;
  static properties = { label: {} };

  constructor() {
    super();
    this.label = 'Attach files';
  }

  render() {
    return html`<button type="button">${this.label}</button><p>Up to 10 files</p>`;
  }
}
customElements.define('minimal-lit', MinimalLit);
