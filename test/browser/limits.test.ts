import { expect } from '@open-wc/testing';
import { acceptedTypes, DEFAULT_LIMITS, isTypeAccepted, parseAccept, PROVIDER_PRESETS } from '../../src/limits.js';

describe('limits', () => {
  it('defines 2 MB as 2,097,152 bytes', () => {
    expect(DEFAULT_LIMITS.maxFileSize).to.equal(2_097_152);
    expect(DEFAULT_LIMITS.maxFiles).to.equal(10);
  });

  it('takes the presets from the providers documents', () => {
    expect(PROVIDER_PRESETS.bandwidth.maxFileSize).to.equal(3.75 * 1024 * 1024);
    expect(PROVIDER_PRESETS.openmarket.maxFileSize).to.equal(100 * 1024 * 1024);
    expect(PROVIDER_PRESETS.openmarket.accept).to.include('video/quicktime');
    expect(PROVIDER_PRESETS.acrobits.accept).to.deep.equal(['image/jpeg', 'video/mp4']);
  });

  it('maps extensions and wildcards in an accept list', () => {
    const accept = parseAccept(' .JPG, image/*,video/mp4 ,');
    expect(accept).to.deep.equal(['.jpg', 'image/*', 'video/mp4']);
    expect(acceptedTypes(accept)).to.deep.equal(['image/jpeg', 'image/*', 'video/mp4']);
    expect(isTypeAccepted('image/png', accept)).to.equal(true);
    expect(isTypeAccepted('video/quicktime', accept)).to.equal(false);
    expect(isTypeAccepted('application/pdf', ['.pdf'])).to.equal(true);
  });
});

describe('limits: markup', () => {
  it('never accepts markup, even through a wildcard', () => {
    expect(isTypeAccepted('image/svg+xml', ['image/*'])).to.equal(false);
    expect(isTypeAccepted('text/html', ['*/*'])).to.equal(false);
  });
});
