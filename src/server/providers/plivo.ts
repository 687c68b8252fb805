/**
 * Plivo Media API: `POST /v1/Account/{auth_id}/Media/`, multipart field `file`, Basic auth;
 * answers 200 `{ objects: [{ media_url, media_id, status }] }`, errors carry `error`.
 */
import { PROVIDER_PRESETS } from '../../limits.js';
import { HttpError } from '../errors.js';
import type { MediaProvider, MediaUpload, ProviderHttpOptions, ProviderResult } from '../provider.js';
import { basicCredentials, httpProvider, origin, providerFailure, type ProviderCall } from './http.js';
import { multipartBody } from './multipart-body.js';
import { jsonString, parseJson, safeMessage } from './response.js';
import { fileBody } from './sized-body.js';

export interface PlivoProviderOptions extends ProviderHttpOptions {
  authId: string;
  authToken: string;
}

export function plivoProvider(options: PlivoProviderOptions): MediaProvider {
  const url = `${origin(options.baseUrl ?? 'https://api.plivo.com')}/v1/Account/${encodeURIComponent(options.authId)}/Media/`;
  const { authorization, secrets } = basicCredentials(options.authId, options.authToken);

  async function upload(file: MediaUpload, call: ProviderCall): Promise<ProviderResult> {
    const form = multipartBody([], { field: 'file', fileName: file.fileName, contentType: file.contentType, body: fileBody(file.path, file.size) });
    const headers = { Authorization: authorization, Accept: 'application/json', 'Content-Type': form.contentType };
    const answer = await call(url, { method: 'POST', headers, body: form.body });
    const object = firstObject(parseJson(answer.text));
    const status = jsonString(object, 'status');
    if (status !== undefined && status !== 'success') {
      const code = (object as { status_code?: unknown }).status_code;
      const reason = jsonString(object, 'error') ?? jsonString(object, 'message') ?? status;
      throw providerFailure('Plivo', typeof code === 'number' && code >= 400 ? code : 502, safeMessage(reason, secrets));
    }
    const mediaUrl = jsonString(object, 'media_url');
    if (!mediaUrl) throw new HttpError(502, 'provider-failed', 'Plivo did not return a media URL.');
    return { media_url: mediaUrl, media_id: jsonString(object, 'media_id') };
  }

  return httpProvider({ name: 'Plivo', url, limits: PROVIDER_PRESETS.plivo, secrets, upload }, options);
}

function firstObject(body: unknown): unknown {
  const objects = (body as { objects?: unknown } | undefined)?.objects;
  return Array.isArray(objects) ? objects[0] : undefined;
}
