/**
 * OpenMarket Media Upload API v1: `POST /cms/v1/content`, JSON
 * `{ mimeType, idsAccountId, fileSize, content }` with the file in base64, Basic auth; answers
 * 201 with the media URL in `Location`, 400 with `invalidReasons`. The JSON is streamed: the
 * file is encoded chunk by chunk from disk, and its length is known up front.
 */
import { PROVIDER_PRESETS } from '../../limits.js';
import { HttpError } from '../errors.js';
import type { MediaProvider, MediaUpload, ProviderHttpOptions, ProviderResult } from '../provider.js';
import { basicCredentials, header, httpProvider, origin, type ProviderCall } from './http.js';
import { base64FileBody, joinedBody, type SizedBody } from './sized-body.js';

export interface OpenMarketProviderOptions extends ProviderHttpOptions {
  username: string;
  password: string;
  idsAccountId: string;
}

export function openMarketProvider(options: OpenMarketProviderOptions): MediaProvider {
  const url = `${origin(options.baseUrl ?? 'https://rcs.openmarket.com')}/cms/v1/content`;
  const { authorization, secrets } = basicCredentials(options.username, options.password);

  async function upload(file: MediaUpload, call: ProviderCall): Promise<ProviderResult> {
    const headers = { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' };
    const answer = await call(url, { method: 'POST', headers, body: jsonBody(file, options.idsAccountId) });
    const location = header(answer, 'location');
    if (!location) throw new HttpError(502, 'provider-failed', 'OpenMarket did not return a media URL.');
    const mediaUrl = new URL(location, url);
    return { media_url: mediaUrl.href, media_id: mediaUrl.pathname.split('/').pop() || undefined };
  }

  return httpProvider({ name: 'OpenMarket', url, limits: PROVIDER_PRESETS.openmarket, secrets, upload }, options);
}

/** The JSON request body: the envelope around the file's base64, 4·⌈n/3⌉ bytes, encoded as it is sent. */
export function jsonBody(file: Pick<MediaUpload, 'path' | 'size' | 'contentType'>, idsAccountId: string): SizedBody {
  const head = `{"mimeType":${JSON.stringify(file.contentType)},"idsAccountId":${JSON.stringify(idsAccountId)},"fileSize":${file.size},"content":"`;
  return joinedBody([Buffer.from(head, 'utf8'), base64FileBody(file.path, file.size), Buffer.from('"}', 'utf8')]);
}
