import { expect } from '@open-wc/testing';
import { acceptedTypes, DEFAULT_LIMITS, isTypeAccepted, parseAccept, PROVIDER_PRESETS } from '../../src/limits.js';

describe('limits', () => {
  it('defines 2 MB as 2,097,152 bytes', () => {
    expect(DEFAULT_LIMITS.maxFileSize).to.equal(2_097_152);
    expect(DEFAULT_LIMITS.maxFiles).to.equal(10);
  });

  it('takes the presets from the providers documents', () => {
    expect(PROVIDER_PRESETS.bandwidth.maxFileSize).to.equal(3_670_016);
    expect(PROVIDER_PRESETS.openmarket.maxFileSize).to.equal(100 * 1024 * 1024);
    expect(PROVIDER_PRESETS.openmarket.accept).to.include('video/quicktime');
    expect(PROVIDER_PRESETS.acrobits.accept).to.deep.equal(['image/jpeg', 'video/mp4']);
  });

  it('gives the URL-fetching providers their files, sizes and totals per message', () => {
    const { twilio, telnyx, bird, aws, rbm } = PROVIDER_PRESETS;
    expect([twilio.maxFiles, twilio.maxFileSize, twilio.maxTotalSize]).to.deep.equal([10, 5_242_880, 5_242_880]);
    expect(twilio.accept).to.include.members(['image/jpeg', 'image/png', 'image/gif', 'video/mp4', 'application/pdf']);
    expect(twilio.accept).not.to.include('text/plain');
    expect([telnyx.maxFiles, telnyx.maxFileSize, telnyx.maxTotalSize]).to.deep.equal([10, 1_048_576, 1_048_576]);
    expect([bird.maxFiles, bird.maxFileSize, bird.maxTotalSize]).to.deep.equal([10, 614_400, 921_600]);
    // AWS: 2 MB images but 600 KB everything else; the preset keeps the bound that holds for all.
    expect([aws.maxFiles, aws.maxFileSize, aws.maxTotalSize]).to.deep.equal([1, 614_400, undefined]);
    expect(rbm.maxFileSize).to.equal(104_857_600);
    expect(rbm.accept).to.include.members(['image/jpeg', 'video/webm', 'application/pdf']);
    for (const preset of Object.values(PROVIDER_PRESETS)) {
      expect(preset.accept.every((type) => type === type.toLowerCase()), preset.accept.join()).to.equal(true);
    }
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
