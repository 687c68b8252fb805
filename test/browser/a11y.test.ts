// axe-core inside the browser, on every state of the element, light and dark.
import { expect, oneEvent } from '@open-wc/testing';
import axe from 'axe-core';
import { exeBytes, jpegBytes, pdfBytes, sampleFile } from '../helpers/sample-files.js';
import { resetMocks, shadow, uploader } from '../helpers/element.js';
import type { MmsMediaUpload } from '../../src/mms-media-upload.js';

async function violations(element: MmsMediaUpload): Promise<string[]> {
  await element.updateComplete;
  const wrapper = element.parentElement!;
  const result = await axe.run(wrapper, { resultTypes: ['violations'] });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function labelled(attributes: string): Promise<MmsMediaUpload> {
  const element = await uploader(attributes);
  element.setAttribute('aria-label', 'Attachments');
  return element;
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility (${scheme})`, () => {
    before(() => {
      document.documentElement.style.colorScheme = scheme;
    });
    after(() => {
      document.documentElement.style.colorScheme = '';
    });
    beforeEach(resetMocks);

    it('idle', async () => {
      const element = await labelled('manual');
      expect(await violations(element)).to.deep.equal([]);
    });

    it('files added', async () => {
      const element = await labelled('manual');
      await element.addFiles([sampleFile(jpegBytes(), 'a.jpg', 'image/jpeg'), sampleFile(pdfBytes(), 'b.pdf', 'application/pdf')]);
      expect(await violations(element)).to.deep.equal([]);
    });

    it('uploading', async () => {
      const element = await labelled('endpoint="/mock/upload/hang"');
      await element.addFiles([sampleFile(jpegBytes(), 'a.jpg', 'image/jpeg')]);
      await element.updateComplete;
      expect(shadow(element).querySelector('[part=progress]')).to.exist;
      expect(await violations(element)).to.deep.equal([]);
      element.reset();
    });

    it('error', async () => {
      const element = await labelled('endpoint="/mock/upload/acrobits-402"');
      const complete = oneEvent(element, 'upload-complete');
      await element.addFiles([sampleFile(jpegBytes(), 'a.jpg', 'image/jpeg'), sampleFile(exeBytes(), 'b.jpg', 'image/jpeg')]);
      await complete;
      await element.updateComplete;
      expect(shadow(element).querySelector('[part=retry-button]')).to.exist;
      expect(await violations(element)).to.deep.equal([]);
    });

    it('disabled', async () => {
      const element = await labelled('disabled manual');
      expect(await violations(element)).to.deep.equal([]);
    });
  });
}

describe('accessibility: names and roles', () => {
  it('labels the drop zone with its limits, and announces without taking focus', async () => {
    const element = await uploader('manual');
    const zone = shadow(element).querySelector('[part=dropzone]')!;
    const hint = shadow(element).getElementById(zone.getAttribute('aria-describedby')!)!;
    expect(hint.textContent!.trim()).to.equal('Up to 10 files, 2 MB each: JPEG, PNG, GIF, MP4, PDF, text');
    expect(shadow(element).querySelector('[role=status]')).to.exist;
    expect(shadow(element).querySelector('[part=error]')!.getAttribute('role')).to.equal('alert');
    const browse = shadow(element).querySelector('[part=browse-button]') as HTMLButtonElement;
    expect(browse.tagName).to.equal('BUTTON');
    const focused = document.activeElement;
    await element.addFiles([sampleFile(exeBytes(), 'x.jpg', 'image/jpeg')]);
    expect(document.activeElement).to.equal(focused);
  });
});
