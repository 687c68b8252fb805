// What the proxy makes of the file it receives: the type from the spooled file (read again where
// a long ID3 tag ends), markup refused wherever it stands, and the name it forwards.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { createMediaProxy, localProvider, type FetchHandler } from '../../src/server/index.js';
import { HIDDEN_MARKUP } from '../helpers/format-table.js';
import { pngBytes } from '../helpers/sample-files.js';
import { multipartBody, MULTIPART_TYPE, tempDir, type TempDir } from './helpers/http.js';
import { bearer, expectError, json, ORIGIN, SECRET, uploadRequest } from './helpers/proxy.js';

const ACCEPT = ['image/*', 'audio/*', 'video/*', 'text/plain', 'text/vcard'];
let storage: TempDir;
let spool: TempDir;
let proxy: FetchHandler;

before(async () => {
  storage = await tempDir('storage');
  spool = await tempDir('spool');
  proxy = createMediaProxy({ secret: SECRET, provider: localProvider({ dir: storage.path }), limits: { accept: ACCEPT }, tmpDir: spool.path });
});

after(async () => {
  await storage.remove();
  await spool.remove();
});

const fixture = async (name: string) => new Uint8Array(await readFile(new URL(`../fixtures/formats/${name}`, import.meta.url)));
const upload = async (name: string, bytes: Uint8Array<ArrayBuffer>) => proxy(uploadRequest(bearer({ limits: { accept: ACCEPT } }), bytes, name));

describe('the proxy types files by their bytes', () => {
  it('reads an MP3 whose ID3 tag is longer than the head again where the tag ends', async () => {
    const body = await json(await upload('song.mp3', await fixture('mp3-long-tag.mp3')));
    assert.equal(body.content_type, 'audio/mpeg');
  });

  it('refuses an ID3 tag followed by a program, and a CR3 raw photo', async () => {
    await expectError(await upload('song.mp3', await fixture('id3-pe.exe')), 415, 'type-not-allowed', /^song\.mp3: its contents are not of a type/, { accept: ACCEPT });
    await expectError(await upload('IMG_0001.CR3', await fixture('canon-cr3-like.cr3')), 415, 'type-not-allowed', /^IMG_0001\.CR3: its contents/, { accept: ACCEPT });
  });

  it('refuses markup hidden in text with the markup sentence', async () => {
    for (const [markup] of HIDDEN_MARKUP) {
      await expectError(await upload('notes.txt', new TextEncoder().encode(markup)), 415, 'type-not-allowed', /^notes\.txt is a web page or drawing \(markup\)/, { accept: ACCEPT });
    }
  });

  it('names the types MMS uses', async () => {
    for (const [file, type] of [['webp.webp', 'image/webp'], ['amr.amr', 'audio/amr'], ['aac.aac', 'audio/aac'], ['wav.wav', 'audio/wav'], ['vcard.vcf', 'text/vcard'], ['3gp1.3gp', 'video/3gpp'], ['quicktime-wide-first.mov', 'video/quicktime']]) {
      const body = await json(await upload(file!, await fixture(file!)));
      assert.equal(body.content_type, type, file);
    }
  });
});

describe('the proxy forwards a clean name that ends with the extension of the sniffed type', () => {
  it('renames a GIF/HTML polyglot and a program-named MP3 by their bytes', async () => {
    assert.equal((await json(await upload('cat.html', await fixture('gif-html-polyglot.gif')))).file_name, 'cat.gif');
    assert.equal((await json(await upload('song.exe', await fixture('mp3.mp3')))).file_name, 'song.mp3');
    assert.equal((await json(await upload('IMG_0001.JPEG', await fixture('jpeg.jpg')))).file_name, 'IMG_0001.JPEG');
  });

  it('cleans names a hostile client sends: controls, device names, a bare extension, a trailing backslash', async () => {
    const cases: [string, string][] = [
      ['bell\u0007ring\u001b.png', 'bellring.png'],
      ['CON', 'CON_.png'],
      ['NUL.png', 'NUL_.png'],
      ['  .png', 'file.png'],
      ['photo.png\\', 'file.png'], // busboy keeps what follows the last separator: nothing
      ['say %22cheese%22.png', 'say cheese.png'],
    ];
    for (const [raw, clean] of cases) {
      // filename* carries any character; the proxy decodes %22 as a browser's escape of a quote.
      const body = multipartBody([{ name: 'file', filename: raw, encodeFilename: true, type: 'image/png', data: pngBytes() }]);
      const headers = { 'Content-Type': MULTIPART_TYPE, Authorization: bearer({ limits: { accept: ACCEPT } }) };
      const answer = await json(await proxy(new Request(`${ORIGIN}/api/upload`, { method: 'POST', headers, body })));
      assert.equal(answer.file_name, clean, JSON.stringify(raw));
    }
  });
});
