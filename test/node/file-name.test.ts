// The one cleaning of file names, shared by the element (the name of the part it sends) and the
// server (which cleans what arrives again), and the name a file of a sniffed type travels under.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFileName, extensionFor, fileNameForType } from '../../src/file-name.js';
import { EXTENSION_TYPES } from '../../src/limits.js';
import { decodePartFileName } from '../../src/server/filename.js';

describe('cleanFileName', () => {
  it('drops the control characters that break a multipart header (BEL, ESC, C1) and surrogate halves', () => {
    assert.equal(cleanFileName('bell\u0007ring\u001b[31m.png'), 'bellring[31m.png');
    assert.equal(cleanFileName('next\u0085line\u009b.png'), 'nextline.png');
    assert.equal(cleanFileName('half\ud800.png'), 'half.png');
  });

  it('drops quotes and backslashes, and reads past a trailing separator', () => {
    assert.equal(cleanFileName('say "cheese".png'), 'say cheese.png');
    assert.equal(cleanFileName('photo.png\\'), 'photo.png');
    assert.equal(cleanFileName('folder/photo.png//'), 'photo.png');
    assert.equal(cleanFileName('\\'), 'file');
  });

  it('keeps Windows device names from being device names', () => {
    assert.equal(cleanFileName('CON'), 'CON_');
    assert.equal(cleanFileName('NUL.png'), 'NUL_.png');
    assert.equal(cleanFileName('com1.tar.gz'), 'com1_.tar.gz');
    assert.equal(cleanFileName('lpt¹.txt'), 'lpt¹_.txt');
    assert.equal(cleanFileName('aux .png'), 'aux_ .png');
    assert.equal(cleanFileName('console.png'), 'console.png');
    assert.equal(cleanFileName('CONTRACT'), 'CONTRACT');
  });

  it('keeps the extension of a name that is nothing else', () => {
    assert.equal(cleanFileName('  .png'), 'file.png');
    assert.equal(cleanFileName('.png'), 'file.png');
    assert.equal(cleanFileName('.hidden.png'), 'hidden.png');
    assert.equal(cleanFileName('..'), 'file');
  });
});

describe('fileNameForType', () => {
  it('ends every name with the extension of the sniffed type', () => {
    assert.equal(fileNameForType('cat.html', 'image/gif'), 'cat.gif');
    assert.equal(fileNameForType('song.exe', 'audio/mpeg'), 'song.mp3');
    assert.equal(fileNameForType('photo.jpg', 'image/png'), 'photo.png');
    assert.equal(fileNameForType('archive.tar.gz', 'image/jpeg'), 'archive.tar.jpg');
    assert.equal(fileNameForType('README', 'text/plain'), 'README.txt');
    assert.equal(fileNameForType('v1.2', 'text/plain'), 'v1.2.txt'); // ".2" is no extension
    assert.equal(fileNameForType('My.Holiday Photo', 'image/jpeg'), 'My.Holiday Photo.jpg');
  });

  it('keeps any extension of the same type, in its own case', () => {
    assert.equal(fileNameForType('IMG_0001.JPEG', 'image/jpeg'), 'IMG_0001.JPEG');
    assert.equal(fileNameForType('clip.m4v', 'video/mp4'), 'clip.m4v');
    assert.equal(fileNameForType('card.vcf', 'text/vcard'), 'card.vcf');
  });

  it('cleans first, and never leaves a device name or an empty stem', () => {
    assert.equal(fileNameForType('CON', 'image/png'), 'CON_.png');
    assert.equal(fileNameForType('NUL.html', 'image/gif'), 'NUL_.gif');
    assert.equal(fileNameForType('  .png', 'image/png'), 'file.png');
    assert.equal(fileNameForType('  .html', 'image/gif'), 'file.gif');
    assert.equal(fileNameForType('', 'video/mp4'), 'file.mp4');
    assert.equal(fileNameForType('a\u0007"b\\', 'image/png'), 'ab.png');
    const long = fileNameForType(`${'ä'.repeat(300)}.html`, 'image/gif');
    assert.ok([...long].length <= 100);
    assert.ok(long.endsWith('ä.gif'));
  });

  it('knows the usual extension of each type: the first of its extensions', () => {
    assert.equal(extensionFor('image/jpeg'), '.jpg');
    assert.equal(extensionFor('video/quicktime'), '.mov');
    assert.equal(extensionFor('audio/mp4'), '.m4a');
    assert.equal(extensionFor('text/calendar'), '.ics');
    assert.equal(extensionFor('application/x-unknown'), '');
    for (const type of new Set(Object.values(EXTENSION_TYPES))) assert.equal(EXTENSION_TYPES[extensionFor(type)], type);
  });
});

describe('decodePartFileName', () => {
  it('decodes what browsers escape in a part name (", CR, LF) and nothing else', () => {
    assert.equal(decodePartFileName('say %22cheese%22.png'), 'say "cheese".png');
    assert.equal(decodePartFileName('a%0D%0Ab%0a.png'), 'a\r\nb\n.png');
    assert.equal(decodePartFileName('100%25 sure %41.png'), '100%25 sure %41.png');
    assert.equal(cleanFileName(decodePartFileName('say %22cheese%22.png')), 'say cheese.png');
  });
});
