// Server-rendered markup (Lit SSR: declarative shadow DOM, from test/helpers/server-render.ts) hydrated
// in the browser, as a server-rendered page does it: Lit's hydration support is loaded before Lit
// itself (first import here), and the element is defined once its markup is in the page.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import type { MmsMediaUpload } from '../../src/mms-media-upload.js';
import { jpegBytes, sampleFile } from '../helpers/sample-files.js';

/** Errors from the page: console.error, uncaught errors and rejections (a hydration mismatch throws). */
const problems: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  problems.push(args.map(String).join(' '));
  consoleError(...args);
};
addEventListener('error', (event) => problems.push(String(event.message)));
addEventListener('unhandledrejection', (event) => problems.push(String(event.reason)));

/** The server's markup in the page, its declarative shadow root parsed (the element is not defined yet in the first test). */
async function serverRendered(query: string, pageLang?: string): Promise<MmsMediaUpload> {
  const markup = await (await fetch(`/ssr/mms-media-upload?${query}`)).text();
  const container = document.createElement('div');
  if (pageLang) container.lang = pageLang;
  container.setHTMLUnsafe(markup);
  document.body.append(container);
  return container.querySelector('mms-media-upload') as MmsMediaUpload;
}

/** Every update done, the follow-up ones included. */
async function settled(element: MmsMediaUpload): Promise<void> {
  while (!(await element.updateComplete));
}

/** Resolves once `condition` holds, checked after each change to the element's shadow root. */
function whenRendered(element: MmsMediaUpload, condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(element.shadowRoot!, { subtree: true, childList: true, characterData: true });
  });
}

const hint = (element: MmsMediaUpload) => element.shadowRoot!.querySelector('#hint')!.textContent!.trim();

describe('<mms-media-upload>: server-rendered, then hydrated', () => {
  afterEach(() => {
    expect(problems).to.deep.equal([], 'no error, no hydration mismatch');
    document.body.replaceChildren();
  });

  it('hydrates the server markup without changing it', async () => {
    const element = await serverRendered('manual');
    expect(element.shadowRoot, 'a declarative shadow root').to.not.equal(null);
    expect(customElements.get('mms-media-upload'), 'not defined before its markup is in the page').to.equal(undefined);
    const serverMarkup = element.shadowRoot!.innerHTML;
    expect(serverMarkup).to.contain('part="dropzone"').and.contain('Drop photos, videos or PDFs here');
    const changes = new MutationObserver(() => undefined);
    changes.observe(element.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });

    await import('../../src/index.js');
    await settled(element);

    expect(element.hasUpdated, 'the element took over the markup').to.equal(true);
    expect(changes.takeRecords()).to.deep.equal([], 'hydration changed nothing');
    expect(element.shadowRoot!.innerHTML).to.equal(serverMarkup);
  });

  it('then works: its hydrated file input adds a picked file to the list', async () => {
    const element = await serverRendered('manual');
    await settled(element);
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const picked = new DataTransfer();
    picked.items.add(sampleFile(jpegBytes(), 'hydrated.jpg', 'image/jpeg'));
    input.files = picked.files;
    const listed = whenRendered(element, () => element.shadowRoot!.querySelector('[part~=file]') !== null);
    input.dispatchEvent(new Event('change'));
    await listed;
    expect(element.files.map((file) => [file.name, file.status])).to.deep.equal([['hydrated.jpg', 'pending']]);
    expect(element.shadowRoot!.querySelector('[part=counter]')!.textContent).to.equal('1 of 10');
  });

  it('formats in the page language once hydrated: the server knew only the element’s own lang', async () => {
    const own = await serverRendered('provider=bandwidth&lang=fr');
    expect(hint(own)).to.contain('3,5 MB');
    const inherited = await serverRendered('provider=bandwidth', 'fr');
    expect(hint(inherited), 'the server formats in English').to.contain('3.5 MB');
    await settled(own);
    await settled(inherited);
    expect(hint(own)).to.contain('3,5 MB');
    expect(hint(inherited)).to.contain('3,5 MB');
  });
});
