/** The package entry: defines `<mms-media-upload>` and exports its class and types. */
import { MmsMediaUpload } from './mms-media-upload.js';

export { MmsMediaUpload };
export type * from './events.js';
export { DEFAULT_LIMITS, MEGABYTE, PROVIDER_PRESETS, type Limits, type ProviderName } from './limits.js';
export { ENGLISH, type MmsMediaUploadStrings } from './strings.js';
export type { FileEntry, FileStatus } from './file-entry.js';
export type { MediaResult, ResponseParser } from './response.js';
export { signatureEndpointSigner, type Signer, type SignFileInfo, type UploadSignature } from './signing.js';

if (typeof customElements !== 'undefined' && !customElements.get('mms-media-upload')) {
  customElements.define('mms-media-upload', MmsMediaUpload);
}
