import { expect, oneEvent } from '@open-wc/testing';
import type { FileRejectedDetail } from '../../src/events.js';
import { jpegBytes, mp4Bytes, pdfBytes, pngBytes, sampleFile, textBytes } from '../helpers/sample-files.js';
import { collect, resetMocks, shadow, uploader } from '../helpers/element.js';

describe('<mms-media-upload>: look, previews, counter, paste target', () => {
  beforeEach(resetMocks);

  it('shows "n of max" and the size budget left with max-total-size', async () => {
    const element = await uploader('manual fit="off" max-total-size="2621440"');
    await element.addFiles([sampleFile(jpegBytes(1_048_576), 'one.jpg', 'image/jpeg')]);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part=counter]')!.textContent).to.equal('1 of 10 · 1.5 MB left');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([sampleFile(jpegBytes(2_097_152), 'two.jpg', 'image/jpeg')]);
    expect(rejected[0].detail.reason).to.equal('total-too-large');
    expect(rejected[0].detail.message).to.equal('two.jpg: all files together may be at most 2.5 MB');
    expect(element.files).to.have.length(1);
  });

  it('reflects max-files-reached and uploading for styling', async () => {
    const element = await uploader('max-files="1" endpoint="/mock/upload/hang"');
    await element.addFiles([sampleFile(jpegBytes(), 'a.jpg', 'image/jpeg')]);
    await element.updateComplete;
    expect(element.hasAttribute('max-files-reached')).to.equal(true);
    expect(element.hasAttribute('uploading')).to.equal(true);
    element.reset();
    await element.updateComplete;
    expect(element.hasAttribute('max-files-reached')).to.equal(false);
    expect(element.hasAttribute('uploading')).to.equal(false);
  });

  it('shows image thumbnails from blob URLs, icons for other types, and revokes URLs on remove', async () => {
    const element = await uploader('manual');
    await element.addFiles([
      sampleFile(pngBytes(), 'pic.png', 'image/png'),
      sampleFile(pdfBytes(), 'doc.pdf', 'application/pdf'),
      sampleFile(mp4Bytes(), 'clip.mp4', 'video/mp4'),
      sampleFile(textBytes(), 'note.txt', 'text/plain'),
    ]);
    await element.updateComplete;
    const previews = [...shadow(element).querySelectorAll('[part=preview]')];
    const image = previews[0].querySelector('img')!;
    expect(image.src).to.match(/^blob:/);
    expect(image.alt).to.equal('');
    expect(image.decoding).to.equal('async');
    expect(previews.slice(1).map((preview) => preview.querySelector('[role=img]')!.getAttribute('aria-label'))).to.deep.equal([
      'PDF document',
      'Video',
      'Text',
    ]);
    const url = image.src;
    expect((await fetch(url)).ok).to.equal(true);
    element.removeFile(element.files[0].id);
    await element.updateComplete;
    const revoked = await fetch(url).then(
      () => false,
      () => true,
    );
    expect(revoked, 'the blob URL is revoked once the file is removed').to.equal(true);
  });

  it('revokes thumbnails when the element is removed, and makes them again when it comes back', async () => {
    const element = await uploader('manual');
    await element.addFiles([sampleFile(pngBytes(), 'pic.png', 'image/png')]);
    await element.updateComplete;
    const first = shadow(element).querySelector<HTMLImageElement>('[part=preview] img')!.src;
    const parent = element.parentElement!;
    element.remove();
    const revoked = await fetch(first).then(() => false, () => true);
    expect(revoked).to.equal(true);
    parent.append(element);
    await element.updateComplete;
    const second = shadow(element).querySelector<HTMLImageElement>('[part=preview] img')!.src;
    expect(second).not.to.equal(first);
    expect((await fetch(second)).ok).to.equal(true);
  });

  it('adds files pasted into the paste-target element', async () => {
    const container = document.createElement('div');
    container.innerHTML = '<textarea id="message-body"></textarea><mms-media-upload paste-target="message-body" manual></mms-media-upload>';
    document.body.append(container);
    const element = container.querySelector('mms-media-upload')!;
    await element.updateComplete;
    const textarea = container.querySelector('textarea')!;
    const transfer = new DataTransfer();
    transfer.items.add(sampleFile(pngBytes(), 'clipboard.png', 'image/png'));
    const paste = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    textarea.dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(element.files.map((file) => file.name)).to.deep.equal(['clipboard.png']);
    // A text paste is left alone.
    const text = new DataTransfer();
    text.setData('text/plain', 'hello');
    const textPaste = new ClipboardEvent('paste', { clipboardData: text, bubbles: true, cancelable: true });
    textarea.dispatchEvent(textPaste);
    expect(textPaste.defaultPrevented).to.equal(false);
    container.remove();
  });

  it('disabled blocks drop and paste, and lets a running upload finish', async () => {
    const element = await uploader('endpoint="/mock/upload/busy-once"');
    const complete = oneEvent(element, 'upload-complete');
    await element.addFiles([sampleFile(jpegBytes(), 'running.jpg', 'image/jpeg')]);
    element.disabled = true;
    await element.updateComplete;
    const drop = new DataTransfer();
    drop.items.add(sampleFile(pngBytes(), 'late.png', 'image/png'));
    shadow(element).querySelector('[part=dropzone]')!.dispatchEvent(
      new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true, composed: true }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(element.files.map((file) => file.name)).to.deep.equal(['running.jpg']);
    expect((await complete).detail.mediaUrls).to.deep.equal(['http://media.server.com/running.jpg']);
  });
});
