// Text, vCard, vCalendar and markup: what passes as text, and what never does.
import { expect } from '@open-wc/testing';
import { SNIFF_BYTES, sniffBlob, sniffType } from '../../src/sniff.js';
import { bytes, utf8 } from '../helpers/bytes.js';
import { HIDDEN_MARKUP, NOT_MARKUP } from '../helpers/format-table.js';
import { sampleFile } from '../helpers/sample-files.js';

describe('sniff: text and markup', () => {
  it('takes UTF-8 with TAB, LF, CR and FF as text', () => {
    expect(sniffType(bytes('a\tb\r\nc\fd é 日本 🙂'))).to.equal('text/plain');
    expect(sniffType(bytes([0xef, 0xbb, 0xbf], 'with a BOM'))).to.equal('text/plain');
    expect(sniffType(bytes('\n'))).to.equal('text/plain');
  });

  it('refuses NUL, ESC and other C0 bytes, invalid UTF-8, and an empty head', () => {
    expect(sniffType(new Uint8Array(0))).to.equal(undefined);
    expect(sniffType(bytes('abc', [0], 'def'))).to.equal(undefined);
    expect(sniffType(bytes('abc', [0x1b], '[31mred'))).to.equal(undefined);
    expect(sniffType(bytes('abc', [0x07]))).to.equal(undefined);
    expect(sniffType(bytes('abc', [0xc3, 0x28]))).to.equal(undefined); // bad continuation
    expect(sniffType(bytes('abc', [0xe9], 'def'))).to.equal(undefined); // Latin-1, not UTF-8
    expect(sniffType(bytes([0xff, 0xfe], 'h\0i\0'))).to.equal(undefined); // UTF-16
    expect(sniffType(bytes([0xe2]))).to.equal(undefined); // nothing but a cut character
  });

  it('takes DEL and C1 controls for binary', () => {
    expect(sniffType(bytes('abc', [0x7f], 'def'))).to.equal(undefined);
    expect(sniffType(bytes('abc\u0085def'))).to.equal(undefined); // NEL, U+0085
    expect(sniffType(bytes('abc\u009bdef'))).to.equal(undefined); // CSI, U+009B
    expect(sniffType(bytes('abc\u00a0def'))).to.equal('text/plain'); // NBSP is text
  });

  it('names vCards and vCalendars by their first line', () => {
    expect(sniffType(bytes('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\nEND:VCARD\r\n'))).to.equal('text/vcard');
    expect(sniffType(bytes('\r\nbegin:vcard\nFN:Jane\n'))).to.equal('text/vcard');
    expect(sniffType(bytes('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'))).to.equal('text/calendar');
    expect(sniffType(bytes('Notes: BEGIN:VCARD is how a card starts'))).to.equal('text/plain');
    expect(sniffType(bytes('BEGIN:VCARD\r\nNOTE:<b>hi</b>\r\n'))).to.equal('text/html'); // markup is never a card
  });

  it('accepts a text whose 4096-byte head ends inside a character', async () => {
    for (const char of ['é', '€', '🙂']) {
      const text = utf8('x'.repeat(SNIFF_BYTES - 1) + char.repeat(10));
      expect(sniffType(text.subarray(0, SNIFF_BYTES)), char).to.equal('text/plain');
      expect(await sniffBlob(sampleFile(text, 'note.txt')), char).to.equal('text/plain');
    }
    // Cut 2 and 3 bytes into a 4-byte character too.
    const emoji = utf8('x'.repeat(SNIFF_BYTES - 2) + '🙂');
    expect(sniffType(emoji.subarray(0, SNIFF_BYTES))).to.equal('text/plain');
    const emoji3 = utf8('x'.repeat(SNIFF_BYTES - 3) + '🙂');
    expect(sniffType(emoji3.subarray(0, SNIFF_BYTES))).to.equal('text/plain');
    // A lead byte with no room for its sequence in the middle is still invalid.
    expect(sniffType(bytes('x', [0xe2], 'xx'))).to.equal(undefined);
  });

  it('never calls markup text: SVG, XML and HTML have their own types', () => {
    expect(sniffType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).to.equal('image/svg+xml');
    expect(sniffType(bytes([0xef, 0xbb, 0xbf], ' \r\n\t <SVG width="1">'))).to.equal('image/svg+xml');
    expect(sniffType(bytes('<?xml version="1.0"?>\n<!-- made by hand -->\n<svg:svg xmlns:svg="x">'))).to.equal('image/svg+xml');
    expect(sniffType(bytes('<?xml version="1.0"?>\n<svg width="1"></svg>'))).to.equal('image/svg+xml');
    expect(sniffType(bytes('<?xml version="1.0"?>\n<note>hi</note>'))).to.equal('application/xml');
    expect(sniffType(bytes('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>'))).to.equal('image/svg+xml');
    expect(sniffType(bytes('<!DOCTYPE note [<!ELEMENT note (#PCDATA)>]><note/>'))).to.equal('application/xml');
    expect(sniffType(bytes('<!doctype html><title>x</title>'))).to.equal('text/html');
    expect(sniffType(bytes('\n  <HTML lang="en">'))).to.equal('text/html');
    expect(sniffType(bytes('<!-- hidden --><svg onload="alert(1)">'))).to.equal('image/svg+xml');
    expect(sniffType(bytes('<script>alert(1)</script>'))).to.equal('text/html');
    expect(sniffType(bytes('<!-- a comment longer than the head'))).to.equal('text/html');
    // A "<" that opens no tag is text.
    expect(sniffType(bytes('<3 see you soon'))).to.equal('text/plain');
  });

  it('refuses as markup any text holding markup in the part read, wherever it stands', () => {
    for (const [markup, type] of HIDDEN_MARKUP) expect(sniffType(bytes(markup)), markup).to.equal(type);
    expect(sniffType(bytes('Use <svg> in your page.'))).to.equal('image/svg+xml');
    expect(sniffType(bytes('<svgs are tags too'))).to.equal('text/html');
    expect(sniffType(bytes('x'.repeat(SNIFF_BYTES - 20), '<script>alert(1)</script>'))).to.equal('text/html'); // cut off at the end
    for (const text of NOT_MARKUP) expect(sniffType(bytes(text)), text).to.equal('text/plain');
  });
});

