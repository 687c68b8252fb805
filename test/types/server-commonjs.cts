// `mms-media-upload/server` from a CommonJS TypeScript file (its `require` types, index.d.cts), checked
// by test/node/packed-typings.test.ts with module NodeNext.
import { createMediaProxy, localProvider, toNodeHandler, type NodeHandler } from 'mms-media-upload/server';

export const handler: NodeHandler = toNodeHandler(
  createMediaProxy({ secret: process.env.MMS_UPLOAD_SECRET ?? '', provider: localProvider({ dir: './media' }) }),
);
