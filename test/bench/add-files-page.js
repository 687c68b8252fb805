// The page side of `test/bench/add-files.js`, bundled by it: ten phone photos added to the
// element (CDN build: sniffing, checks, the list's first render and every thumbnail shown), and the
// same files given to Uppy's own `addFiles`, alone and with Uppy's thumbnail generator (96 px);
// and, as the floor of memory, the files' bytes read one after another and nothing else. What each adds is kept until `release()`, so that the
// bench can measure the memory it holds.
import Uppy from '@uppy/core';
import ThumbnailGenerator from '@uppy/thumbnail-generator';

/** The CDN build, loaded by the page at run time (not bundled here). */
const CDN_ENTRY = '/dist/cdn/mms-media-upload.min.js';

let held;

async function photo(name) {
  const response = await fetch(`/test/fixtures/photos/${name}`);
  return new File([await response.blob()], name, { type: 'image/jpeg', lastModified: 1 });
}

/** The longest main-thread task while `work` runs (Long Tasks API: 50 ms and up; 0 when none). */
async function withLongestTask(work) {
  const durations = [];
  const observer = new PerformanceObserver((list) => durations.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  const result = await work();
  await new Promise((resolve) => setTimeout(resolve, 100)); // entries are delivered after the task
  observer.disconnect();
  return { ...result, longest: Math.max(0, ...durations) };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Every row of the element shows its thumbnail, decoded. */
function thumbnailsShown(element, count) {
  const images = [...element.shadowRoot.querySelectorAll('img')];
  return images.length === count && images.every((image) => image.complete && image.naturalWidth > 0);
}

const VARIANTS = {
  async element(files) {
    const element = document.createElement('mms-media-upload');
    // Added as they are: no fitting, limits that take 12 MP photos, no upload.
    for (const [name, value] of Object.entries({ manual: '', fit: 'off', 'max-file-size': 16 * 2 ** 20, 'max-total-size': 256 * 2 ** 20 })) element.setAttribute(name, String(value));
    document.body.append(element);
    await element.updateComplete;
    const start = performance.now();
    await element.addFiles(files);
    const listed = performance.now() - start;
    while (!thumbnailsShown(element, files.length)) await nextFrame();
    const shown = performance.now() - start;
    const thumbnails = await Promise.all([...element.shadowRoot.querySelectorAll('img')].map((image) => fetch(image.src).then((response) => response.blob())));
    held = () => element.remove();
    return { listed, shown, thumbnailBytes: thumbnails.reduce((sum, blob) => sum + blob.size, 0) };
  },
  async uppy(files) {
    const uppy = new Uppy({ autoProceed: false });
    const start = performance.now();
    uppy.addFiles(files.map((file) => ({ name: file.name, type: file.type, data: file })));
    const listed = performance.now() - start;
    held = () => uppy.destroy();
    return { listed, shown: listed, thumbnailBytes: 0 };
  },
  async readOnly(files) {
    const start = performance.now();
    for (const file of files) await file.arrayBuffer();
    held = undefined;
    return { listed: performance.now() - start, shown: performance.now() - start, thumbnailBytes: 0 };
  },
  async uppyThumbnails(files) {
    const uppy = new Uppy({ autoProceed: false });
    uppy.use(ThumbnailGenerator, { thumbnailWidth: 96, thumbnailHeight: 96, waitForThumbnailsBeforeUpload: false });
    const thumbnails = [];
    const allShown = new Promise((resolve) => {
      uppy.on('thumbnail:generated', (_file, url) => thumbnails.push(url) === files.length && resolve());
      uppy.on('thumbnail:error', (file, error) => console.error(`thumbnail of ${file.name}: ${error}`));
    });
    const start = performance.now();
    uppy.addFiles(files.map((file) => ({ name: file.name, type: file.type, data: file })));
    const listed = performance.now() - start;
    await allShown;
    const shown = performance.now() - start;
    const blobs = await Promise.all(thumbnails.map((url) => fetch(url).then((response) => response.blob())));
    held = () => uppy.destroy();
    return { listed, shown, thumbnailBytes: blobs.reduce((sum, blob) => sum + blob.size, 0) };
  },
};

window.loadPhotos = async (names) => {
  await import(/* @vite-ignore */ CDN_ENTRY);
  window.photos = await Promise.all(names.map(photo));
};
window.addPhotos = (variant) => withLongestTask(() => VARIANTS[variant](window.photos));
window.release = () => held?.();
