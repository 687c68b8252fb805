// Vue 3 usage of <mms-media-upload> through its GlobalComponents entry, type-checked by
// test/node/typings.test.ts (what vue-tsc reads for a template: the component's `$props` and
// `$emit`). Every `@ts-expect-error` marks a misuse that must stay an error.
import type {} from 'mms-media-upload/vue';
import type { FileRejectedDetail, MmsMediaUpload } from 'mms-media-upload';
import { FRENCH } from 'mms-media-upload/locales/fr';
import { h, type GlobalComponents } from 'vue';

type Uploader = GlobalComponents['mms-media-upload'];
type Props = InstanceType<Uploader>['$props'];
type Emit = InstanceType<Uploader>['$emit'];

// <mms-media-upload name="media" :max-files="3" :strings="FRENCH" @media-url="…" @change="…">
export const props: Props = {
  name: 'media',
  endpoint: '/api/media-upload/upload',
  signatureEndpoint: '/api/media-upload/sign',
  method: 'POST',
  fieldName: 'file',
  maxFiles: 3,
  maxFileSize: 3_932_160,
  accept: 'image/*',
  provider: 'bandwidth',
  required: true,
  disabled: false,
  manual: false,
  uploadTimeout: 30_000,
  value: ['https://example.com/a.jpg'],
  strings: FRENCH,
  signer: async () => ({ url: '/elsewhere' }),
  parseResponse: (body) => ({ mediaUrl: body.trim() }),
  class: ['uploader', { busy: false }],
  key: 'media',
  onMediaUrl: (event) => console.log(event.detail.mediaUrl, event.detail.file.id),
  onFileRejected: (event) => console.log(event.detail.reason satisfies FileRejectedDetail['reason']),
  onUploadError: (event) => console.log(event.detail.status ?? 0),
  onUploadComplete: (event) => console.log(event.detail.mediaUrls.length - event.detail.failed),
  onChange: (event) => console.log((event.target as MmsMediaUpload).value),
};

// The element's events as vue-tsc sees them in `@media-url="…"`.
export function emits(emit: Emit, element: MmsMediaUpload): void {
  emit('media-url', new CustomEvent('media-url', { detail: { mediaUrl: 'https://example.com/a.jpg', file: { id: '1', name: 'a.jpg', size: 1, type: 'image/jpeg' } } }));
  emit('upload-complete', new CustomEvent('upload-complete', { detail: { mediaUrls: element.value, failed: 0 } }));
  emit('change', new Event('change'));
  // @ts-expect-error upload-complete carries { mediaUrls, failed }
  emit('upload-complete', new CustomEvent('upload-complete', { detail: { mediaUrl: 'https://example.com/a.jpg' } }));
  // @ts-expect-error the element fires no "uploaded" event
  emit('uploaded', new Event('uploaded'));
}

// A render function with the component type, as `h()` checks it.
export const vnode = h(null as unknown as Uploader, { maxFiles: 2, onUploadError: (event) => console.warn(event.detail.message) });

export const misuses: Props[] = [
  // @ts-expect-error maxFiles is a number
  { maxFiles: '3' },
  // @ts-expect-error provider is one of the presets
  { provider: 'plivoo' },
  // @ts-expect-error method is POST or PUT
  { method: 'GET' },
  // @ts-expect-error files is read-only
  { files: [] },
  // @ts-expect-error strings are strings or functions returning strings
  { strings: { browse: 3 } },
  {
    onMediaUrl: (event) => {
      // @ts-expect-error the detail has mediaUrl, not url
      console.log(event.detail.url);
    },
  },
];
