// The element on a 320 px phone and a 1280 px desktop: long names cut in their middle, no
// sideways scrolling, one visible message per failure, and messages that leave with their file.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { jpegBytes, sampleFile } from '../helpers/sample-files.js';
import { announcedFailures, notices, resetMocks, shadow, untilComplete, uploader } from '../helpers/element.js';

const LONG_NAME = `IMG_20261129_${'holiday_by_the_sea_'.repeat(3)}everyone_final.jpg`; // 88 characters

for (const width of [320, 1280]) {
  describe(`<mms-media-upload> at ${width} px`, () => {
    before(() => setViewport({ width, height: 800 }));
    after(() => setViewport({ width: 800, height: 600 }));
    beforeEach(resetMocks);

    it('shows a long name on one line, cut in its middle, whole in its tooltip and its buttons', async () => {
      expect(LONG_NAME).to.have.length(88);
      const element = await uploader('manual');
      await element.addFiles([sampleFile(jpegBytes(3000), LONG_NAME, 'image/jpeg')]);
      await element.updateComplete;
      const name = shadow(element).querySelector<HTMLElement>('[part=file-name]')!;
      const lineHeight = parseFloat(getComputedStyle(name).lineHeight) || parseFloat(getComputedStyle(name).fontSize) * 1.2;
      expect(name.getBoundingClientRect().height).to.be.below(lineHeight * 1.5, 'one line');
      expect(name.textContent).to.equal(LONG_NAME);
      expect(name.title).to.equal(LONG_NAME);
      const end = name.querySelector<HTMLElement>('.name-end')!;
      expect(end.textContent).to.equal('e_final.jpg');
      expect(end.getBoundingClientRect().right).to.be.at.most(name.getBoundingClientRect().right + 0.5, 'the end is shown');
      const start = name.querySelector<HTMLElement>('.name-start')!;
      if (width === 320) expect(start.scrollWidth).to.be.greaterThan(start.clientWidth, 'the start is cut behind an ellipsis');
      const remove = shadow(element).querySelector('[part~=remove-button]')!;
      expect(remove.getAttribute('aria-label')).to.equal(`Remove ${LONG_NAME}`);
    });

    it('never scrolls sideways, and shows a failure once, in its row, until the file leaves', async () => {
      const element = await uploader('endpoint="/mock/upload/code-provider-failed"');
      await untilComplete(element, () => element.addFiles([sampleFile(jpegBytes(3000), LONG_NAME, 'image/jpeg')]));
      await element.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth, 'no horizontal scroll');
      const message = `${LONG_NAME}: upload failed: the messaging provider could not store the file; try again later`;
      expect(shadow(element).querySelector('[part=file-error]')!.textContent).to.equal(message);
      expect(notices(element)).to.deep.equal([], 'the message area holds refusals, not the failure again');
      expect(announcedFailures(element)).to.deep.equal([message], 'screen readers are told');
      element.removeFile(element.files[0]!.id);
      await element.updateComplete;
      expect(announcedFailures(element)).to.deep.equal([]);
      expect(shadow(element).textContent).not.to.contain('could not store the file');
    });
  });
}
