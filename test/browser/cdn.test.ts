// The CDN file alone, in a plain HTML page with no build step, gives a working element.
// (`npm test` builds dist/ first when it is missing.)
import { expect } from '@open-wc/testing';
import { jpegBytes, mp3Bytes, mp4Bytes, pdfBytes, sampleFile, textBytes } from '../helpers/sample-files.js';
import { resetMocks, shadow, uploader } from '../helpers/element.js';
import type { MmsMediaUpload } from '../../src/mms-media-upload.js';

/** test/fixtures/cdn.html in a frame: the CDN file alone defines the element there. */
async function cdnPage(): Promise<{ frame: HTMLIFrameElement; frameWindow: Window & typeof globalThis; element: MmsMediaUpload }> {
  const frame = document.createElement('iframe');
  frame.src = '/test/fixtures/cdn.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const frameWindow = frame.contentWindow as Window & typeof globalThis;
  await frameWindow.customElements.whenDefined('mms-media-upload');
  return { frame, frameWindow, element: frame.contentDocument!.querySelector('mms-media-upload') as MmsMediaUpload };
}

describe('CDN build', () => {
  beforeEach(resetMocks);

  it('defines the element from one <script type="module"> and uploads', async () => {
    const { frame, frameWindow, element } = await cdnPage();
    // Its class comes from the CDN file, not from this page's copy of the source.
    expect(element).to.be.instanceOf(frameWindow.customElements.get('mms-media-upload')!);
    expect(customElements.get('mms-media-upload')).not.to.equal(frameWindow.customElements.get('mms-media-upload'));

    const url = new Promise<string>((resolve) =>
      element.addEventListener('media-url', (event) => resolve(event.detail.mediaUrl)),
    );
    await element.addFiles([sampleFile(jpegBytes(), 'from-cdn.jpg', 'image/jpeg')]);
    expect(await url).to.equal('http://media.server.com/from-cdn.jpg');
    const form = frame.contentDocument!.querySelector('form')!;
    await element.updateComplete;
    expect(new frameWindow.FormData(form).getAll('media')).to.deep.equal(['http://media.server.com/from-cdn.jpg']);
    frame.remove();
  });

  it('renders before the upload engine arrives, which it loads from next to itself', async () => {
    const { frame, frameWindow, element } = await cdnPage();
    await element.updateComplete;
    const scripts = () => frameWindow.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    const engine = () => scripts().find((path) => /^\/dist\/cdn\/upload-engine-[\w-]+\.min\.js$/.test(path));
    // The entry itself holds no Uppy: it is in the engine chunk, fetched once the element has rendered.
    const entry = await (await fetch('/dist/cdn/mms-media-upload.min.js')).text();
    expect(entry).not.to.contain('XHRUpload');
    expect(entry).to.match(/import\(`?["'`]?\.\/upload-engine-/);
    for (let i = 0; i < 100 && !engine(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(engine()).to.be.a('string');
    expect(scripts().filter((path) => path.startsWith('/dist/cdn/')).every((path) => path.endsWith('.min.js'))).to.equal(true);
    frame.remove();
  });

  it('draws the same icons as the source build', async () => {
    const files = () => [
      sampleFile(mp4Bytes(), 'clip.mp4', 'video/mp4'),
      sampleFile(pdfBytes(), 'doc.pdf', 'application/pdf'),
      sampleFile(textBytes(), 'note.txt', 'text/plain'),
      sampleFile(mp3Bytes(), 'song.mp3', 'audio/mpeg'),
    ];
    // Each icon as the tree of its shapes: a shape nested in another one is a broken icon.
    const shapes = (root: ParentNode) =>
      [...root.querySelectorAll('[part=preview] svg')].map((svg) =>
        [...svg.children].map((shape) => `${shape.localName}${shape.children.length > 0 ? '(nested)' : ''}`).join(' '),
      );
    const source = await uploader('manual accept="video/mp4,application/pdf,text/plain,audio/mpeg"');
    await source.addFiles(files());
    await source.updateComplete;

    const { frame, element: built } = await cdnPage();
    built.manual = true;
    built.accept = 'video/mp4,application/pdf,text/plain,audio/mpeg';
    await built.addFiles(files());
    await built.updateComplete;

    const expected = shapes(shadow(source));
    expect(expected).to.deep.equal(['rect path', 'path path path', 'path path path', 'path circle circle']);
    expect(shapes(built.shadowRoot!)).to.deep.equal(expected);
    frame.remove();
  });
});
