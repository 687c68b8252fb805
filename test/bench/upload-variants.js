// The upload variants of the speed benchmark, bundled by test/bench/upload-speed.js and run in
// the page: each sends the same files to the same sink and resolves when every answer is in.
import Uppy from '@uppy/core';
import XHRUpload from '@uppy/xhr-upload';

const SINK = '/sink';

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
export async function rawXhr(files) {
  await Promise.all(files.map(xhrOne));
}

/** Raw fetch, every file at once. */
export async function rawFetch(files) {
  await Promise.all(
    files.map((file) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return fetch(SINK, { method: 'POST', body: form }).then((response) => response.text());
    }),
  );
}

/** Uppy core and its XHR uploader alone, `limit` at a time. */
export async function uppyAlone(files, limit) {
  const uppy = new Uppy({ autoProceed: false });
  uppy.use(XHRUpload, { endpoint: SINK, limit, fieldName: 'file', getResponseData: () => ({}) });
  uppy.addFiles(files.map((file) => ({ name: file.name, type: file.type, data: file })));
  await uppy.upload();
  uppy.destroy();
}

/** The element from a build (its tag defined by that build's script), until upload-complete. */
export async function element(files, tag = 'mms-media-upload') {
  const element = document.createElement(tag);
  element.setAttribute('endpoint', SINK);
  document.body.append(element);
  await element.updateComplete;
  const done = new Promise((resolve) => element.addEventListener('upload-complete', resolve, { once: true }));
  await element.addFiles(files);
  const { detail } = await done;
  element.remove();
  if (detail.failed > 0 || detail.mediaUrls.length !== files.length) throw new Error(`element: ${JSON.stringify(detail)}`);
}
