// Property-based tests in Chromium: the element's sniffing, and the response readers with DOMParser.
import {
  markupIsNeverText,
  responseReadersThrowOnlyUploadFailure,
  sniffingNeverThrows,
  sniffingWithAReaderNeverThrows,
} from '../helpers/properties.js';

describe('properties (fast-check) in Chromium', () => {
  it('sniffing never throws on arbitrary bytes, and answers a type it knows or nothing', sniffingNeverThrows);
  it('sniffing through a reader never throws, short reads included', sniffingWithAReaderNeverThrows);
  it('text with markup inserted anywhere is never text', markupIsNeverText);
  it('the response readers (DOMParser for XML) throw nothing but UploadFailure on arbitrary answers', responseReadersThrowOnlyUploadFailure);
});
