// Rendering stays cheap while files upload: Uppy's state changes with every progress event of
// every upload, and the element renders them at most once per animation frame.
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

  it('renders the progress of three uploads at once at most once a frame', async () => {
    const element = await uploader('endpoint="/mock/upload/trickle"');
    // Each update, and each outcome (which is shown at once), by the frame it happened in.
    let frame = 0;
    let counting = true;
    const tick = () => {
      frame += 1;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const updates = new Map<number, number>();
    const outcomes = new Map<number, number>();
    const count = (map: Map<number, number>) => map.set(frame, (map.get(frame) ?? 0) + 1);
    const host = element as unknown as { update(changed: Map<PropertyKey, unknown>): void };
    const update = host.update.bind(element);
    host.update = (changed) => {
      count(updates);
      update(changed);
    };
    element.addEventListener('media-url', () => count(outcomes));
    const files = Array.from({ length: 6 }, (_, i) => sampleFile(jpegBytes(600_000), `slow-${i}.jpg`, 'image/jpeg', i + 1));
    const complete = oneEvent(element as MmsMediaUpload, 'upload-complete');
    await element.addFiles(files);
    // From here on, what changes is the uploads' progress (and their outcomes).
    const uploadsStarted = frame;
    updates.clear();
    await complete;
    counting = false;
    for (const at of [...updates.keys()]) if (at <= uploadsStarted) updates.delete(at);
    const total = [...updates.values()].reduce((sum, n) => sum + n, 0);
    expect(total).to.be.greaterThan(10, 'the uploads were long enough to report progress');
    const crowded = [...updates].filter(([at, n]) => n > 1 + (outcomes.get(at) ?? 0));
    expect(crowded, 'frames with more than one render, outcomes aside').to.deep.equal([]);
  });
});
