// The mobile composer: a one-tap “Take photo” button on touch screens, when `capture` asks for it.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { FRENCH } from '../../src/locales/fr.js';
import { shadow, uploader } from '../helpers/element.js';

const touchScreen = (enabled: boolean) => executeServerCommand<boolean, boolean>('touch-screen', enabled);
const cameraInput = (element: HTMLElement) => element.shadowRoot!.querySelector<HTMLInputElement>('input[capture]');

describe('<mms-media-upload>: take a photo', () => {
  afterEach(() => touchScreen(false));

  it('offers no camera button without capture, nor on a screen without touch', async () => {
    await touchScreen(true);
    expect(matchMedia('(pointer: coarse)').matches).to.equal(true, 'the touch screen is emulated');
    const plain = await uploader('manual');
    expect(shadow(plain).querySelector('[part=camera-button]')).to.equal(null);
    await touchScreen(false);
    const desktop = await uploader('manual capture');
    expect(shadow(desktop).querySelector('[part=camera-button]')).to.equal(null);
  });

  it('opens the back camera for capture, and the front one for capture="user"', async () => {
    await touchScreen(true);
    const back = await uploader('manual capture');
    const button = shadow(back).querySelector<HTMLButtonElement>('[part=camera-button]')!;
    expect(button.textContent!.trim()).to.equal('Take photo');
    expect(cameraInput(back)!.getAttribute('capture')).to.equal('environment');
    expect(cameraInput(back)!.accept).to.equal('image/*');
    const opened = new Promise((resolve) => cameraInput(back)!.addEventListener('click', (event) => (event.preventDefault(), resolve(true))));
    button.click();
    expect(await opened).to.equal(true);
    const front = await uploader('manual capture="user"');
    front.strings = FRENCH;
    await front.updateComplete;
    expect(cameraInput(front)!.getAttribute('capture')).to.equal('user');
    expect(shadow(front).querySelector('[part=camera-button]')!.textContent!.trim()).to.equal('Prendre une photo');
  });

  it('adds the photo taken like a picked file', async () => {
    await touchScreen(true);
    const element = await uploader('manual capture');
    const input = cameraInput(element)!;
    const transfer = new DataTransfer();
    const { jpegBytes, sampleFile } = await import('../helpers/sample-files.js');
    transfer.items.add(sampleFile(jpegBytes(), 'camera.jpg', 'image/jpeg'));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    for (let i = 0; i < 100 && element.files.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(element.files.map((file) => file.name)).to.deep.equal(['camera.jpg']);
    expect(input.value).to.equal('');
  });
});
