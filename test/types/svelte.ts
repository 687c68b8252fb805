// Svelte 5 usage of <mms-media-upload> through `svelte/elements`, type-checked by
// test/node/typings.test.ts: `SvelteHTMLElements['mms-media-upload']` is what svelte-check reads for
// the element's attributes in a template. Every `@ts-expect-error` marks a misuse that must stay an
// error. (test/node/packed-apps.test.ts runs svelte-check on a real Svelte app too.)
import type {} from 'mms-media-upload/svelte';
import type { FileRejectedDetail, MmsMediaUpload } from 'mms-media-upload';
import { FRENCH } from 'mms-media-upload/locales/fr';
import type { SvelteHTMLElements } from 'svelte/elements';

type Attributes = SvelteHTMLElements['mms-media-upload'];

// <mms-media-upload name="media" provider="plivo" maxFiles={3} strings={FRENCH} onmedia-url={…}>
export const attributes: Attributes = {
  id: 'media',
  class: ['uploader', { busy: false }],
  name: 'media',
  provider: 'plivo',
  endpoint: '/api/media-upload/upload',
  'signature-endpoint': '/api/media-upload/sign',
  method: 'PUT',
  fieldName: 'file',
  maxFiles: 3,
  'max-file-size': '3932160',
  maxTotalSize: 10_485_760,
  accept: 'image/*,video/mp4',
  required: true,
  disabled: false,
  manual: true,
  uploadTimeout: 30_000,
  'paste-target': 'body',
  capture: 'user',
  value: ['https://example.com/a.jpg'],
  strings: { ...FRENCH, browse: 'Parcourir' },
  signer: async (files) => ({ headers: { 'X-Files': String(files.length) } }),
  parseResponse: (body) => ({ mediaUrl: body.trim() }),
  'onmedia-url': (event) => console.log(event.detail.mediaUrl, event.detail.file.id),
  'onfile-rejected': (event) => console.log(event.detail.reason satisfies FileRejectedDetail['reason']),
  'onupload-error': (event) => console.warn(event.detail.message, event.detail.status ?? 'no response'),
  'onupload-complete': (event) => console.log(event.detail.mediaUrls, event.detail.failed),
  onchange: (event) => console.log((event.currentTarget satisfies MmsMediaUpload).value),
};

export const misuses: Attributes[] = [
  // @ts-expect-error provider is one of the presets
  { provider: 'plivoo' },
  // @ts-expect-error maxFiles is a number
  { maxFiles: '3' },
  // @ts-expect-error method is POST or PUT
  { method: 'GET' },
  // @ts-expect-error capture is environment or user
  { capture: 'front' },
  // @ts-expect-error files is read-only
  { files: [] },
  // @ts-expect-error strings are strings or functions returning strings
  { strings: { browse: 3 } },
  {
    'onmedia-url': (event) => {
      // @ts-expect-error the detail has mediaUrl, not url
      console.log(event.detail.url);
    },
  },
];
