/**
 * The upload machinery, loaded when the first file arrives (its own chunk in the CDN build, a
 * module of its own in the npm build): Uppy, its XHR uploader inside the transport, and
 * sniffing. The element renders, and takes restored uploads, without it.
 */
export { default as Uppy, RestrictionError } from '@uppy/core';
export { sniffBlobs } from './sniff.js';
export { UploadTransport } from './upload-transport.js';
