/**
 * Plivo Media API: `POST /v1/Account/{auth_id}/Media/`, multipart field `file`, Basic auth;
 * answers 200 `{ objects: [{ media_url, media_id, status }] }`, errors carry `error`.
 */
import { openAsBlob } from 'node:fs';
import { PROVIDER_PRESETS } from '../../limits.js';
import { HttpError } from '../errors.js';
import type { MediaProvider, ProviderHttpOptions } from '../provider.js';
import { basicAuth, callProvider, origin, providerFailure } from './http.js';
import { jsonString, parseJson, safeMessage } from './response.js';

export interface PlivoProviderOptions extends ProviderHttpOptions {
  authId: string;
  authToken: string;
}

export function plivoProvider(options: PlivoProviderOptions): MediaProvider {
  const url = `${origin(options.baseUrl ?? 'https://api.plivo.com')}/v1/Account/${encodeURIComponent(options.authId)}/Media/`;
  const authorization = basicAuth(options.authId, options.authToken);
  const secrets = [options.authToken, authorization, options.authId];
  return {
    name: 'Plivo',
    limits: PROVIDER_PRESETS.plivo,
    timeoutMs: options.timeoutMs,
    async upload(file) {
      const form = new FormData();
      // A file-backed Blob: fetch streams it from disk.
      form.append('file', await openAsBlob(file.path, { type: file.contentType }), file.fileName);
      const answer = await callProvider(
        url,
        { method: 'POST', headers: { Authorization: authorization, Accept: 'application/json' }, body: form },
        { provider: 'Plivo', timeoutMs: options.timeoutMs, signal: file.signal, secrets },
      );
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
    },
  };
}

function firstObject(body: unknown): unknown {
  const objects = (body as { objects?: unknown } | undefined)?.objects;
  return Array.isArray(objects) ? objects[0] : undefined;
}
