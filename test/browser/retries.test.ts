// Retries that are safe to repeat: one idempotency key per file, sent on every attempt of that
// file (automatic retries, re-signs, the user's retry), so that a server stores it once.
import { expect } from '@open-wc/testing';
import type { UploadErrorDetail } from '../../src/events.js';
import { jpegBytes, sampleFile } from '../helpers/sample-files.js';
import { collect, recordedRequests, resetMocks, untilComplete, uploader } from '../helpers/element.js';

const photo = (name: string) => sampleFile(jpegBytes(2000), name, 'image/jpeg', 1_700_000_000_000);

const keysOf = async () => (await recordedRequests()).filter((request) => request.files?.length > 0).map((request) => request.headers['idempotency-key']);

describe('<mms-media-upload>: idempotency keys and retries', () => {
  beforeEach(resetMocks);

  it('sends one key per file, the same on every attempt of it', async () => {
    const element = await uploader('endpoint="/mock/upload/busy-once"');
    const detail = await untilComplete(element, () => element.addFiles([photo('one.jpg'), photo('two.jpg')]));
    expect(detail.failed).to.equal(0);
    const requests = await recordedRequests();
    expect(requests).to.have.length(4);
    const byName = (name: string) => requests.filter((request) => request.files[0]?.filename === name).map((request) => request.headers['idempotency-key']);
    const [one, two] = [byName('one.jpg'), byName('two.jpg')];
    expect(one).to.have.length(2);
    expect(one[0]).to.match(/^[0-9a-f]{32}$/);
    expect(one[1]).to.equal(one[0]);
    expect(two[1]).to.equal(two[0]);
    expect(two[0]).not.to.equal(one[0]);
  });

  it('keeps the key when it re-signs after a 401', async () => {
    const element = await uploader('endpoint="/mock/upload/signed"');
    let calls = 0;
    element.signer = async () => {
      calls += 1;
      const signature = await (await fetch('/mock/sign', { method: 'POST', body: '{}' })).json();
      if (calls === 1) await fetch('/mock/sign', { method: 'POST', body: '{}' }); // makes the first one stale
      return signature;
    };
    await untilComplete(element, () => element.addFiles([photo('signed.jpg')]));
    const keys = await keysOf();
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('keeps the key when the user retries a failed file', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-402"');
    await untilComplete(element, () => element.addFiles([photo('retried.jpg')]));
    await untilComplete(element, () => element.retry());
    const keys = await keysOf();
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('retries a 409 in-progress after a short delay, and then succeeds', async () => {
    const element = await uploader('endpoint="/mock/upload/in-progress-once"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    const detail = await untilComplete(element, () => element.addFiles([photo('waiting.jpg')]));
    expect(detail).to.deep.equal({ mediaUrls: ['http://media.server.com/waiting.jpg'], failed: 0 });
    expect(errors).to.have.length(0);
    const keys = await keysOf();
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('never retries another 409', async () => {
    const element = await uploader('endpoint="/mock/upload/conflict"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    await untilComplete(element, () => element.addFiles([photo('conflict.jpg')]));
    expect(errors[0].detail).to.deep.include({ status: 409, message: 'conflict.jpg: Conflict' });
    expect(await keysOf()).to.have.length(1);
  });
});
