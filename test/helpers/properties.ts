// Property-based checks (fast-check) shared by the Node and Chromium runs: sniffing never throws
// and never calls markup text; the response readers throw nothing but UploadFailure. Each runs a
// bounded number of cases; a failure prints the seed and the shrunk counterexample.
import fc from 'fast-check';
import { MARKUP_TYPES } from '../../src/limits.js';
import { readMediaResult, readServerError, UploadFailure, type ResponseLike } from '../../src/response.js';
import { sniffBytes, sniffType } from '../../src/sniff.js';
import { bytes } from './bytes.js';

export const RUNS = { numRuns: 300 };

/** The types sniffing may answer (with undefined for none). */
const SNIFFED_TYPES = new Set([
  ...['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/heic', 'image/heif', 'image/avif'],
  ...['video/mp4', 'video/quicktime', 'video/3gpp', 'video/3gpp2', 'video/mpeg', 'application/pdf'],
  ...['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/amr', 'audio/amr-wb', 'audio/wav'],
  ...['text/plain', 'text/vcard', 'text/calendar', ...MARKUP_TYPES],
]);
/** What text is named when it holds no markup. */
const TEXT_TYPES = ['text/plain', 'text/vcard', 'text/calendar'];

/** Signatures that lead sniffing into each format's parser, so that random tails exercise them. */
const SIGNATURES = [
  '\xff\xd8\xff', '\x89PNG\r\n\x1a\n', 'GIF89a', 'BM', 'RIFF', 'ID3\x03\x00\x00', 'ID3\x04\x00\x10', '\xff\xfb', '\xff\xf1',
  '#!AMR\n', '#!AMR-WB\n', '\0\0\x01\xba', '\0\0\x01\xb3', 'MZ', '\0\0\0\x18ftyp', '\0\0\0\x1cftypmif1', '\0\0\0\x08wide',
  '\0\0\x02\xe4moov', 'BEGIN:VCARD\r\n', '<!--', '\xef\xbb\xbf',
].map((signature) => Uint8Array.from(signature, (char) => char.charCodeAt(0)));

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 6000 }),
  fc.tuple(fc.constantFrom(...SIGNATURES), fc.uint8Array({ maxLength: 5000 })).map(([signature, tail]) => bytes(signature, tail)),
);

export function sniffingNeverThrows(): void {
  fc.assert(
    fc.property(anyBytes, (head) => {
      const type = sniffType(head);
      return type === undefined || SNIFFED_TYPES.has(type);
    }),
    RUNS,
  );
}

/** sniffBytes over a reader that may give fewer bytes than asked (a file that ends), or none. */
export async function sniffingWithAReaderNeverThrows(): Promise<void> {
  await fc.assert(
    fc.asyncProperty(anyBytes, fc.nat(64), async (file, shortBy) => {
      const type = await sniffBytes(async (offset, length) => file.subarray(offset, Math.max(offset, offset + length - shortBy)));
      return type === undefined || SNIFFED_TYPES.has(type);
    }),
    RUNS,
  );
}

const tagName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9:-]{0,10}$/);
const attributes = fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), fc.string({ maxLength: 12 })), { maxLength: 3 });
/** Markup as a browser reads it: start tags (with attributes, closed or cut short), end tags, comments, declarations. */
const markup = fc.oneof(
  fc.tuple(tagName, attributes, fc.constantFrom('>', '/>', ' ', '')).map(
    ([name, attrs, end]) => `<${name}${attrs.map(([key, value]) => ` ${key}="${value.replace(/"/g, '')}"`).join('')}${end}`,
  ),
  tagName.map((name) => `</${name}>`),
  fc.constantFrom('<!-- note -->', '<!doctype html>', '<!DOCTYPE svg>', '<?xml version="1.0"?>', '<![CDATA[x]]>', '<?php'),
);

/** Any text with markup put anywhere in its first 4 KB is never text: markup or (for bytes that are no text) unknown. */
export function markupIsNeverText(): void {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.nat(), markup, (text, at, tag) => {
      const chars = [...text];
      const index = at % (chars.length + 1);
      const type = sniffType(new TextEncoder().encode([...chars.slice(0, index), tag, ...chars.slice(index)].join('')));
      return type === undefined || !TEXT_TYPES.includes(type);
    }),
    RUNS,
  );
}

/** Text without a "<" is never called markup. */
export function textWithoutAngleBracketsIsNeverMarkup(): void {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (text) => {
      const type = sniffType(new TextEncoder().encode(text.replace(/</g, ' ')));
      return type === undefined || !MARKUP_TYPES.has(type);
    }),
    RUNS,
  );
}

const KEYS = ['media_url', 'mediaUrl', 'url', 'media_id', 'id', 'objects', 'errors', 'message', 'error', 'detail', 'invalidReasons', 'code', 'maxFiles', 'maxFileSize', 'maxTotalSize', 'accept'];
const jsonBody = fc.oneof(
  fc.json(),
  fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 3 })).map((value) => JSON.stringify(value)),
);
const xmlBody = fc
  .tuple(fc.constantFrom('media_url', 'message', 'response', 'other'), fc.string({ maxLength: 40 }), fc.boolean())
  .map(([tag, text, prolog]) => `${prolog ? '<?xml version="1.0"?>' : ''}<response><${tag}>${text}</${tag}></response>`);
const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/problem+json', 'text/plain', 'application/xml', 'text/xml', 'text/html', ''),
  fc.string({ maxLength: 30 }),
);
const url = fc.oneof(fc.webUrl(), fc.constantFrom('/upload', 'javascript:alert(1)', 'data:text/html,x', ''), fc.string({ maxLength: 30 }));

const response = fc.record({
  status: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.constantFrom(200, 201, 400, 413, 415, 429, 500, -1, Number.NaN)),
  responseText: fc.oneof(jsonBody, xmlBody, fc.string({ maxLength: 400 })),
  responseURL: fc.option(url, { nil: undefined }),
  contentType: fc.option(contentType, { nil: null }),
  location: fc.option(url, { nil: null }),
  uploadUrl: url,
});

/** readMediaResult and readServerError throw nothing but UploadFailure, whatever the answer. */
export function responseReadersThrowOnlyUploadFailure(): void {
  fc.assert(
    fc.property(response, ({ contentType: type, location, uploadUrl, ...rest }) => {
      const answer: ResponseLike = {
        ...rest,
        getResponseHeader: (name) => (name.toLowerCase() === 'content-type' ? type : name.toLowerCase() === 'location' ? location : null),
      };
      for (const read of [() => readMediaResult(answer, uploadUrl), () => readServerError(answer)]) {
        try {
          read();
        } catch (error) {
          if (!(error instanceof UploadFailure)) throw error;
        }
      }
    }),
    RUNS,
  );
}
