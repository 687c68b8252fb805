// Property-based tests in Node (the server's sniffing, and the response readers without DOMParser).
import { describe, it } from 'node:test';
import {
  markupIsNeverText,
  responseReadersThrowOnlyUploadFailure,
  sniffingNeverThrows,
  sniffingWithAReaderNeverThrows,
  textWithoutAngleBracketsIsNeverMarkup,
} from '../helpers/properties.js';

describe('properties (fast-check)', () => {
  it('sniffing never throws on arbitrary bytes, and answers a type it knows or nothing', sniffingNeverThrows);
  it('sniffing through a reader never throws, short reads included', sniffingWithAReaderNeverThrows);
  it('text with markup inserted anywhere is never text', markupIsNeverText);
  it('text without "<" is never markup', textWithoutAngleBracketsIsNeverMarkup);
  it('the response readers throw nothing but UploadFailure on arbitrary answers', responseReadersThrowOnlyUploadFailure);
});
