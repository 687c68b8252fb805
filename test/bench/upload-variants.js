// The upload variants of the speed benchmark, bundled by test/bench/upload-speed.js and run in
// the page. Each is set up first (untimed: an app creates its uploader with the page, not when the
// user picks files), then `send()` is timed: from the files handed over to every answer in.
import Uppy from '@uppy/core';
import XHRUpload from '@uppy/xhr-upload';

const SINK = '/sink';

/**
 * Resolves once what the page changed so far is painted (the frame after the next one has begun):
 * a variant's setup and the previous one's removal are drawn before the next is timed.
 */
export const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

function xhrOne(file) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', SINK);
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = reject;
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Raw XMLHttpRequest, every file at once. */
export function rawXhr(files) {
  return { send: () => Promise.all(files.map(xhrOne)), end() {} };
}

/** Raw fetch, every file at once. */
export function rawFetch(files) {
  const fetchOne = (file) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return fetch(SINK, { method: 'POST', body: form }).then((response) => response.text());
  };
  return { send: () => Promise.all(files.map(fetchOne)), end() {} };
}

/** Uppy core and its XHR uploader alone, `limit` at a time. */
export function uppyAlone(files, limit) {
  const uppy = new Uppy({ autoProceed: false });
  uppy.use(XHRUpload, { endpoint: SINK, limit, fieldName: 'file', getResponseData: () => ({}) });
  return {
    async send() {
      uppy.addFiles(files.map((file) => ({ name: file.name, type: file.type, data: file })));
      const { successful } = await uppy.upload();
      if (successful.length !== files.length) throw new Error(`Uppy: ${successful.length} of ${files.length} uploaded`);
    },
    end: () => uppy.destroy(),
  };
}

/**
 * The element from a build (its tag defined by that build's script), in the page and rendered, until
 * upload-complete. Not `displayed`, it does everything but draw: what its drawing costs is the difference.
 */
export async function element(files, tag = 'mms-media-upload', { displayed = true } = {}) {
  const element = document.createElement(tag);
  element.setAttribute('endpoint', SINK);
  if (!displayed) element.style.display = 'none';
  document.body.append(element);
  await element.updateComplete;
  await painted(); // the empty element is on screen, as on a page, before the user picks files
  return {
    async send() {
      const done = new Promise((resolve) => element.addEventListener('upload-complete', resolve, { once: true }));
      await element.addFiles(files);
      const { detail } = await done;
      if (detail.failed > 0 || detail.mediaUrls.length !== files.length) throw new Error(`element: ${JSON.stringify(detail)}`);
    },
    end: () => element.remove(),
  };
}
