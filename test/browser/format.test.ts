import { expect } from '@open-wc/testing';
import { formatList, formatSize, formatSizeOverLimit, formatTypes } from '../../src/format.js';
import { ENGLISH } from '../../src/strings.js';

describe('format', () => {
  it('formats sizes in binary units with at most two decimals', () => {
    expect(formatSize(512, 'en')).to.equal('512 B');
    expect(formatSize(2_097_152, 'en')).to.equal('2 MB');
    expect(formatSize(3.75 * 1024 * 1024, 'en')).to.equal('3.75 MB');
    expect(formatSize(1536, 'de')).to.equal('2 KB');
    expect(formatSize(1.5 * 1024 * 1024, 'de')).to.equal('1,5 MB');
  });

  it('never shows a size over the limit as the limit itself', () => {
    expect(formatSizeOverLimit(2_097_153, 2_097_152, 'en')).to.equal('2.01 MB');
    expect(formatSizeOverLimit(2_100_000, 2_097_152, 'en')).to.equal('2.01 MB');
    expect(formatSizeOverLimit(5_557_453, 2_097_152, 'en')).to.equal('5.3 MB');
  });

  it('names types and lists them the locale way', () => {
    expect(formatTypes(['image/jpeg', '.pdf', 'video/x-unknown'], ENGLISH.typeNames, 'en')).to.equal('JPEG, PDF, video/x-unknown');
    expect(formatSize(2_097_152, 'fr', { units: ['o', 'ko', 'Mo', 'Go'] })).to.equal('2 Mo');
    expect(formatList(['JPEG', 'PNG', 'PDF'], 'en')).to.equal('JPEG, PNG, PDF');
  });
});
