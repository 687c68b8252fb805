// Names through the whole path: element → /proxy/sign → /proxy/upload → mock Plivo. The element
// sends each file under a cleaned name that ends with the extension of its sniffed type, the
// proxy cleans it again, and the element's list keeps the name the user picked.
import { expect } from '@open-wc/testing';
import type { FileRejectedDetail } from '../../src/events.js';
import { FORMATS_URL_PATH } from '../helpers/format-table.js';
import { collect, untilComplete, uploader } from '../helpers/element.js';
import { pngBytes, sampleFile } from '../helpers/sample-files.js';

interface PlivoRequest {
  files: { filename: string; type: string; size: number }[];
}

const plivoNames = async (): Promise<string[]> =>
  ((await (await fetch('/proxy/plivo-requests')).json()) as PlivoRequest[]).flatMap((request) => request.files.map((file) => file.filename));

const fixture = async (name: string) => new Uint8Array(await (await fetch(`${FORMATS_URL_PATH}${name}`)).arrayBuffer());

describe('file names: element → signed proxy → provider', () => {
  it('reach the provider clean and ending with the sniffed extension, while the list keeps the user’s names', async () => {
    const polyglot = await fixture('gif-html-polyglot.gif');
    const cases: [Uint8Array, string, string][] = [
      [pngBytes(1001), 'bell\u0007ring\u001b.png', 'bellring.png'],
      [pngBytes(1002), 'say "cheese".png', 'say cheese.png'],
      [pngBytes(1003), 'photo.png\\', 'photo.png'],
      [pngBytes(1004), 'CON', 'CON_.png'],
      [pngBytes(1005), 'NUL.png', 'NUL_.png'],
      [pngBytes(1006), '  .png', 'file.png'],
      [polyglot, 'cat.html', 'cat.gif'],
    ];
    const before = (await plivoNames()).length;
    const element = await uploader('provider="plivo" endpoint="/proxy/upload" signature-endpoint="/proxy/sign"');
    const errors = collect(element, 'upload-error');
    const { mediaUrls, failed } = await untilComplete(element, () => element.addFiles(cases.map(([bytes, name]) => sampleFile(bytes, name))));
    expect(errors.length, JSON.stringify(errors.map((event) => (event as CustomEvent).detail))).to.equal(0);
    expect([mediaUrls.length, failed]).to.deep.equal([cases.length, 0]);
    expect((await plivoNames()).slice(before).sort()).to.deep.equal(cases.map(([, , sent]) => sent).sort());
    expect(element.files.map((file) => file.name)).to.deep.equal(cases.map(([, name]) => name));
    expect(element.files.find((file) => file.name === 'cat.html')?.type).to.equal('image/gif');
  });

  it('refuses by its bytes an ID3 tag followed by a program, whatever its name says', async () => {
    const element = await uploader('provider="plivo" endpoint="/proxy/upload" signature-endpoint="/proxy/sign" accept="audio/mpeg"');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([sampleFile(await fixture('id3-pe.exe'), 'song.mp3')]);
    expect(rejected.map((event) => event.detail.reason)).to.deep.equal(['type-not-allowed']);
    expect(element.files).to.deep.equal([]);
  });
});
