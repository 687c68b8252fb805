// Rendering stays cheap while files upload: Uppy's state changes with every progress event of
// every upload, and the element renders what uploads change at most ten times a second.
import { expect, oneEvent } from '@open-wc/testing';
import { nextFrame } from '../../src/next-frame.js';
import type { MmsMediaUpload } from '../../src/mms-media-upload.js';
import { resetMocks, uploader } from '../helpers/element.js';
import { jpegBytes, sampleFile } from '../helpers/sample-files.js';

describe('rendering while uploading', () => {
  beforeEach(resetMocks);

  it('nextFrame waits for the next animation frame', async () => {
    let frames = 0;
    requestAnimationFrame(() => (frames += 1));
    await nextFrame();
    expect(frames).to.equal(1);
  });

  it('nextFrame comes on its timer where no frame comes (a hidden tab)', async () => {
    const original = window.requestAnimationFrame;
    let asked = 0;
    window.requestAnimationFrame = () => (asked += 1); // frames that never come
    try {
      const came = await Promise.race([nextFrame(20).then(() => 'came'), new Promise((resolve) => setTimeout(() => resolve('never'), 2000))]);
      expect([asked, came]).to.deep.equal([1, 'came']);
    } finally {
      window.requestAnimationFrame = original;
    }
  });

  it('renders what uploads change at most every 100 ms, and the end of the round at once', async () => {
    const element = await uploader('endpoint="/mock/upload/trickle"');
    const host = element as unknown as { update(changed: Map<PropertyKey, unknown>): void };
    const update = host.update.bind(element);
    const renders: number[] = [];
    host.update = (changed) => {
      renders.push(performance.now());
      update(changed);
    };
    const files = Array.from({ length: 6 }, (_, i) => sampleFile(jpegBytes(600_000), `slow-${i}.jpg`, 'image/jpeg', i + 1));
    const complete = oneEvent(element as MmsMediaUpload, 'upload-complete');
    await element.addFiles(files);
    // From here on, what changes is the uploads' progress and their outcomes.
    renders.length = 0;
    await complete;
    const completedAt = performance.now();
    await element.updateComplete;
    const last = renders.pop()!;
    expect(last - completedAt, 'the end of the round renders at the next frame').to.be.below(100);
    expect(renders.length).to.be.greaterThan(2, 'the uploads were long enough to render their progress');
    const gaps = renders.slice(1).map((at, index) => at - renders[index]!);
    // The pace counts from the start of the last render, whatever asked for it.
    expect(gaps.filter((gap) => gap < 98).map(Math.round), `renders closer than the pace, of ${gaps.map(Math.round)}`).to.deep.equal([]);
  });
});
