/**
 * OpenMarket Media Upload API v1: `POST /cms/v1/content`, JSON
 * `{ mimeType, idsAccountId, fileSize, content }` with the file in base64, Basic auth; answers
 * 201 with the media URL in `Location`, 400 with `invalidReasons`. The JSON is streamed: the
 * file is encoded chunk by chunk from disk, and its length is known up front.
 */
import { createReadStream } from 'node:fs';
import { PROVIDER_PRESETS } from '../../limits.js';
import { base64Length, encodeBase64 } from '../base64.js';
import { HttpError } from '../errors.js';
import type { MediaProvider, MediaUpload, ProviderHttpOptions, ProviderResult } from '../provider.js';
import { basicCredentials, httpProvider, origin, type ProviderCall } from './http.js';

export interface OpenMarketProviderOptions extends ProviderHttpOptions {
  username: string;
  password: string;
  idsAccountId: string;
}

export function openMarketProvider(options: OpenMarketProviderOptions): MediaProvider {
  const url = `${origin(options.baseUrl ?? 'https://rcs.openmarket.com')}/cms/v1/content`;
  const { authorization, secrets } = basicCredentials(options.username, options.password);

  async function upload(file: MediaUpload, call: ProviderCall): Promise<ProviderResult> {
    const { body, length } = jsonBody(file, options.idsAccountId);
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json', 'Content-Length': String(length), Accept: 'application/json' },
      body,
      duplex: 'half',
    };
    const answer = await call(url, init);
    const location = answer.headers.get('location');
    if (!location) throw new HttpError(502, 'provider-failed', 'OpenMarket did not return a media URL.');
    const mediaUrl = new URL(location, url);
    return { media_url: mediaUrl.href, media_id: mediaUrl.pathname.split('/').pop() || undefined };
  }

  return httpProvider({ name: 'OpenMarket', url, limits: PROVIDER_PRESETS.openmarket, secrets, upload }, options);
}

/** The request body as a stream, and its exact length: the envelope plus 4·⌈n/3⌉ base64 bytes. */
export function jsonBody(file: Pick<MediaUpload, 'path' | 'size' | 'contentType'>, idsAccountId: string): { body: ReadableStream<Uint8Array>; length: number } {
  const head = `{"mimeType":${JSON.stringify(file.contentType)},"idsAccountId":${JSON.stringify(idsAccountId)},"fileSize":${file.size},"content":"`;
  const tail = '"}';
  async function* parts(): AsyncGenerator<Uint8Array> {
    yield Buffer.from(head, 'utf8');
    yield* encodeBase64(createReadStream(file.path));
    yield Buffer.from(tail, 'utf8');
  }
  return { body: toWebStream(parts()), length: Buffer.byteLength(head, 'utf8') + base64Length(file.size) + tail.length };
}

/** A fetch body that pulls from an async iterable (and stops reading the file when cancelled). */
function toWebStream(iterable: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterable.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterable.return(undefined);
    },
  });
}
