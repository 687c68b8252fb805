// Every type sniffing names can be allowed by `accept` (a MIME type or an extension), and has a
// short name in English and French for the hint and the refusals; the defaults stay as they were.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedTypes, DEFAULT_ACCEPT, EXTENSION_TYPES, isTypeAccepted, MARKUP_TYPES } from '../../src/limits.js';
import { FRENCH } from '../../src/locales/fr.js';
import { ENGLISH } from '../../src/strings.js';
import { formatTypes } from '../../src/format.js';
import { FORMAT_TABLE } from '../helpers/format-table.js';

/** The types sniffing names: those of the table, and those it has no real file of. */
const SNIFFED_TYPES = [
  ...new Set([...FORMAT_TABLE.flatMap(({ type }) => (type && !MARKUP_TYPES.has(type) ? [type] : [])), 'audio/amr-wb', 'video/3gpp2']),
];

describe('type tables', () => {
  it('has an extension and English and French names for every type sniffing names', () => {
    assert.ok(SNIFFED_TYPES.length >= 20);
    for (const type of SNIFFED_TYPES) {
      assert.ok(Object.values(EXTENSION_TYPES).includes(type), `an extension for ${type}`);
      assert.ok(ENGLISH.typeNames[type], `an English name for ${type}`);
      assert.ok(FRENCH.typeNames[type], `a French name for ${type}`);
    }
  });

  it('lets accept name the MMS types by MIME type or extension, with short names', () => {
    assert.deepEqual(acceptedTypes(['.webp', '.amr', '.aac', '.wav', '.bmp', '.vcf', '.ics', '.3gp', '.heif', '.m4a']), [
      'image/webp', 'audio/amr', 'audio/aac', 'audio/wav', 'image/bmp', 'text/vcard', 'text/calendar', 'video/3gpp', 'image/heif', 'audio/mp4',
    ]);
    assert.ok(isTypeAccepted('text/vcard', ['text/vcard']));
    assert.ok(isTypeAccepted('audio/amr', ['audio/*']));
    assert.equal(formatTypes(['image/webp', 'audio/amr', 'text/vcard', 'text/calendar'], ENGLISH.typeNames, 'en'), 'WebP, AMR audio, vCard, vCalendar');
    assert.equal(formatTypes(['audio/amr', 'audio/aac', 'video/3gpp'], FRENCH.typeNames, 'fr'), 'audio AMR, audio AAC et vidéo 3GPP');
  });

  it('keeps the defaults: a vCard or a WebP is not attached unless accept allows it', () => {
    assert.deepEqual(DEFAULT_ACCEPT, ['image/jpeg', 'image/png', 'image/gif', 'video/mp4', 'application/pdf', 'text/plain']);
    for (const type of ['image/webp', 'audio/amr', 'text/vcard', 'text/calendar', 'image/heif']) assert.equal(isTypeAccepted(type, DEFAULT_ACCEPT), false, type);
  });
});
